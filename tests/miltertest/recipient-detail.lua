-- recipient-detail: with detail set for a verdict, the recipient becomes
-- user+detail@domain: the new one is added, the old one removed
local lib = dofile(DATA .. "/../miltertest/lib.lua")
local conn = lib.start()
local path = lib.corpus("2020-en-no-note-pymk4")
local from = lib.envelope_of(path)
local _, eom = lib.send_file(conn, path, from, "<bob.smith@example.org>")
lib.check(eom == SMFIR_ACCEPT, "end of message reply " .. tostring(eom))
lib.check(mt.eom_check(conn, MT_RCPTADD, "<bob.smith+linkedin@example.org>"), "no +detail recipient added")
lib.check(mt.eom_check(conn, MT_RCPTDELETE, "<bob.smith@example.org>"), "the old recipient was not removed")
mt.disconnect(conn)
