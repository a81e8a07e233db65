-- accept-non-linkedin-at-eoh: ordinary mail is accepted at the end of its
-- headers, so the MTA never sends its body, and nothing is changed
local lib = dofile(DATA .. "/../miltertest/lib.lua")
local conn = lib.start()
lib.check(mt.test_option(conn, SMFIP_NOCONNECT), "connect step not negotiated away")
lib.check(mt.test_option(conn, SMFIP_NR_HDR), "header replies not negotiated away")
local path = lib.corpus("none-personal-dinner")
local from, rcpt = lib.envelope_of(path)
local eoh = lib.send_file(conn, path, from, rcpt)
lib.reply_is(conn, SMFIR_ACCEPT, "end of headers of ordinary mail")
lib.check(eoh == SMFIR_ACCEPT, "not accepted at the end of headers")
mt.disconnect(conn)
