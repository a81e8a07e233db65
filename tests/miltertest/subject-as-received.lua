-- subject-as-received: the subject prefix goes in front of the Subject
-- exactly as it was received, folding kept (the engine's copy is unfolded
-- and bounded to 4,096 bytes; miltertest cannot send a header that long)
local lib = dofile(DATA .. "/../miltertest/lib.lua")
local conn = lib.start()
local path = lib.corpus("2023-en-chinese-name-mixed-charset")
local from, rcpt = lib.envelope_of(path)
local headers, body = lib.read_message(path)
local subject
for _, h in ipairs(headers) do
	if h[1]:lower() == "subject" then
		h[2] = h[2] .. string.rep("\n\tand a folded line of the subject to make it long", 8)
		subject = h[2]
	end
end
lib.check(subject ~= nil and #subject > 400, "no long Subject to test with")
local eoh = lib.envelope_and_headers(conn, from, rcpt, headers)
lib.check(eoh == SMFIR_CONTINUE, "an invitation was settled at the end of headers")
mt.bodystring(conn, (body:gsub("\r?\n", "\r\n")))
lib.check(mt.getreply(conn) == SMFIR_CONTINUE, "body reply")
lib.check(mt.eom(conn) == nil, "end of message failed")
lib.check(mt.getreply(conn) == SMFIR_ACCEPT, "end of message reply")
lib.check(mt.eom_check(conn, MT_HDRADD, "X-LinkedIn-Verdict", "ask"), "not an ask")
lib.check(mt.eom_check(conn, MT_HDRCHANGE, "Subject", "[LinkedIn: ask] " .. subject),
	"Subject not the prefix before the value as received: " ..
	tostring(#(mt.getheader(conn, "Subject", 0) or "")) .. " bytes")
lib.check(not mt.eom_check(conn, MT_HDRDELETE), "a header was deleted")
mt.disconnect(conn)
