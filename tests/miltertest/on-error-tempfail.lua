-- on-error-tempfail: the same error with on_error = "tempfail" asks the MTA
-- to try again later
local lib = dofile(DATA .. "/../miltertest/lib.lua")
local conn = lib.start("LINKEDIN_MILTER_TEST_FAULT=eom")
local path = lib.corpus("2020-en-no-note-pymk4")
local from, rcpt = lib.envelope_of(path)
local _, eom = lib.send_file(conn, path, from, rcpt)
lib.check(eom == SMFIR_TEMPFAIL, "reply " .. tostring(eom) .. ", expected tempfail")
mt.disconnect(conn)
