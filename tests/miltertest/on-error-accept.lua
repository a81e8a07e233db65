-- on-error-accept: an internal error at the end of the message, with
-- on_error = "accept", lets the message pass unchanged
local lib = dofile(DATA .. "/../miltertest/lib.lua")
local conn = lib.start("LINKEDIN_MILTER_TEST_FAULT=eom")
local path = lib.corpus("2020-en-no-note-pymk4")
local from, rcpt = lib.envelope_of(path)
local _, eom = lib.send_file(conn, path, from, rcpt)
lib.check(eom == SMFIR_ACCEPT, "reply " .. tostring(eom) .. ", expected accept")
lib.check(not mt.eom_check(conn, MT_HDRADD), "a header was added despite the error")
mt.disconnect(conn)
