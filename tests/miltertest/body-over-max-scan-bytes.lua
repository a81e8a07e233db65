-- body-over-max-scan-bytes: past max_scan_bytes the filter answers SKIP
-- (the MTA stops sending the body) and still judges what it read
local lib = dofile(DATA .. "/../miltertest/lib.lua")
local conn = lib.start()
local path = lib.corpus("2020-en-no-note-pymk4")
local from, rcpt = lib.envelope_of(path)
local headers, body = lib.read_message(path)
local eoh = lib.envelope_and_headers(conn, from, rcpt, headers)
lib.check(eoh == SMFIR_CONTINUE, "invitation settled at end of headers")
body = body:gsub("\r?\n", "\r\n")
local skipped = false
for i = 1, 40 do		-- the message, then 40 KB more than the 4 KB bound
	mt.bodystring(conn, i == 1 and body or string.rep("x", 1000) .. "\r\n")
	if mt.getreply(conn) == SMFIR_SKIP then skipped = true break end
end
lib.check(skipped, "no SKIP past max_scan_bytes")
lib.check(mt.eom(conn) == nil, "end of message failed")
lib.reply_is(conn, SMFIR_ACCEPT, "end of message")
lib.check(mt.eom_check(conn, MT_HDRADD, "X-LinkedIn-Verdict"), "no verdict from what was read")
mt.disconnect(conn)
