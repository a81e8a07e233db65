-- remove-forged-headers: our headers arriving with the mail are removed,
-- on ordinary mail too, so no sender can pre-set a verdict; so are
-- Authentication-Results naming our authserv-id below the MTA's Received
-- (they came with the mail: RFC 8601 section 5)
local lib = dofile(DATA .. "/../miltertest/lib.lua")
local conn = lib.start()
local headers = {
	{ "Authentication-Results", "mx.example.org; spf=none smtp.mailfrom=example.net" },
	{ "Received", "from mail.example.net (mail.example.net [192.0.2.7]) by mx.example.org" },
	{ "Authentication-Results", "mx.example.org; dkim=pass header.d=linkedin.com" },
	{ "From", "Mallory <mallory@example.net>" },
	{ "To", "Bob Smith <bob.smith@example.org>" },
	{ "Subject", "Quarterly numbers" },
	{ "X-LinkedIn-Verdict", "accept" },
	{ "X-LinkedIn-Reasons", "known-inviter" },
	{ "X-LinkedIn-Folder", "INBOX" },
	{ "X-LinkedIn-Verdict", "accept" },
}
local eoh = lib.envelope_and_headers(conn, "<mallory@example.net>", "<bob.smith@example.org>", headers)
lib.check(eoh == SMFIR_CONTINUE, "forged headers did not keep the message to the end")
mt.bodystring(conn, "See attached.\r\n")
lib.check(mt.eom(conn) == nil, "end of message failed")
lib.reply_is(conn, SMFIR_ACCEPT, "end of message")
lib.check(mt.eom_check(conn, MT_HDRDELETE, "X-LinkedIn-Verdict"), "forged X-LinkedIn-Verdict kept")
lib.check(mt.eom_check(conn, MT_HDRDELETE, "X-LinkedIn-Reasons"), "forged X-LinkedIn-Reasons kept")
lib.check(mt.eom_check(conn, MT_HDRDELETE, "X-LinkedIn-Folder"), "forged X-LinkedIn-Folder kept")
lib.check(mt.eom_check(conn, MT_HDRDELETE, "Authentication-Results"), "forged Authentication-Results kept")
lib.check(not mt.eom_check(conn, MT_HDRADD), "ordinary mail was tagged")
mt.disconnect(conn)
