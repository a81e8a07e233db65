-- recipient-delimiter: the detail is written with the configured delimiter
-- (the first of recipient_delimiter), and every delimiter counts as a
-- detail already there. (miltertest cannot read the reply of
-- smfi_addrcpt_par, used for a recipient with ESMTP args: none here.)
local lib = dofile(DATA .. "/../miltertest/lib.lua")
local conn = lib.start()
local path = lib.corpus("2020-en-no-note-pymk4")
local from = lib.envelope_of(path)
local headers, body = lib.read_message(path)
mt.macro(conn, SMFIC_MAIL, "i", "TESTQID")
lib.check(mt.mailfrom(conn, from) == nil, "MAIL FROM failed")
lib.reply_is(conn, SMFIR_CONTINUE, "MAIL FROM")
lib.check(mt.rcptto(conn, "<bob.smith@example.org>") == nil, "RCPT TO failed")
lib.reply_is(conn, SMFIR_CONTINUE, "RCPT TO")
for _, h in ipairs(headers) do mt.header(conn, h[1], h[2]) end
lib.check(mt.eoh(conn) == nil, "end of headers failed")
lib.reply_is(conn, SMFIR_CONTINUE, "end of headers")
mt.bodystring(conn, (body:gsub("\r?\n", "\r\n")))
lib.reply_is(conn, SMFIR_CONTINUE, "body")
lib.check(mt.eom(conn) == nil, "end of message failed")
lib.reply_is(conn, SMFIR_ACCEPT, "end of message")
lib.check(mt.eom_check(conn, MT_RCPTADD, "<bob.smith-linkedin@example.org>"),
	"no -detail recipient added")
lib.check(mt.eom_check(conn, MT_RCPTDELETE, "<bob.smith@example.org>"), "the old recipient was not removed")
mt.disconnect(conn)
