-- tag-invitation: a genuine invitation gets its verdict, reasons, inviter
-- (RFC 2047) and folder headers, and nothing else is changed
local lib = dofile(DATA .. "/../miltertest/lib.lua")
local conn = lib.start()
local path = lib.corpus("2023-en-chinese-name-mixed-charset")
local from, rcpt = lib.envelope_of(path)
local eoh, eom = lib.send_file(conn, path, from, rcpt, 1000)
lib.check(eoh == SMFIR_CONTINUE, "an invitation was settled at the end of headers")
lib.check(eom == SMFIR_ACCEPT, "end of message reply " .. tostring(eom))
lib.check(mt.eom_check(conn, MT_HDRADD, "X-LinkedIn-Verdict", "ask"), "X-LinkedIn-Verdict: ask missing")
lib.check(mt.eom_check(conn, MT_HDRADD, "X-LinkedIn-Reasons", "no-note"), "X-LinkedIn-Reasons: no-note missing")
lib.check(mt.eom_check(conn, MT_HDRADD, "X-LinkedIn-Folder", "LinkedIn/Review"), "X-LinkedIn-Folder missing")
-- 王小明 in UTF-8, base64 in one encoded word
lib.check(mt.eom_check(conn, MT_HDRADD, "X-LinkedIn-Inviter", "=?UTF-8?B?546L5bCP5piO?="),
	"X-LinkedIn-Inviter: " .. tostring(mt.getheader(conn, "X-LinkedIn-Inviter", 0)))
lib.check(not mt.eom_check(conn, MT_HDRDELETE), "a header was deleted")
lib.check(not mt.eom_check(conn, MT_RCPTADD, rcpt), "a recipient was added")
mt.disconnect(conn)
