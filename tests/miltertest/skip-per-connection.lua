-- skip-per-connection: whether the MTA understands SMFIS_SKIP belongs to
-- each connection. Two connections held open at once, one negotiated with
-- SMFIP_SKIP and one without, in both orders: a body chunk the filter no
-- longer needs gets SKIP only where it was offered, CONTINUE elsewhere
local lib = dofile(DATA .. "/../miltertest/lib.lua")
local ALL_STEPS = 0x001FFFFF	-- SMFI_CURR_PROT of libmilter/mfdef.h

local function open(with_skip)
	local conn = mt.connect("unix:" .. SOCK, 100, 0.1)
	lib.check(conn ~= nil, "cannot connect to " .. SOCK)
	local steps = with_skip and ALL_STEPS or (ALL_STEPS & ~SMFIP_SKIP)
	-- miltertest 1.6.0 reads the protocol steps from the third argument
	-- and the actions from the fourth, not in the order its manual gives
	lib.check(mt.negotiate(conn, nil, steps, nil) == nil, "negotiation failed")
	lib.check(mt.test_option(conn, SMFIP_SKIP) == with_skip, "SMFIP_SKIP not as offered")
	return conn
end

-- ordinary mail kept past its headers by a forged header of ours: the
-- filter needs none of its body; returns the reply to the first chunk
local function body_reply(conn, qid)
	local headers = {
		{ "From", "Alice <alice@example.net>" },
		{ "To", "Bob Smith <bob.smith@example.org>" },
		{ "Subject", "Lunch" },
		{ "X-LinkedIn-Verdict", "accept" },
	}
	local eoh = lib.envelope_and_headers(conn, "<alice@example.net>",
		"<bob.smith@example.org>", headers, qid)
	lib.check(eoh == SMFIR_CONTINUE, qid .. ": forged header did not keep the body")
	lib.check(mt.bodystring(conn, "See you at noon.\r\n") == nil, qid .. ": body failed")
	local got = mt.getreply(conn)
	lib.check(mt.eom(conn) == nil, qid .. ": end of message failed")
	lib.reply_is(conn, SMFIR_ACCEPT, qid .. ": end of message")
	return got
end

-- every wrong reply is reported, then the script fails
local wrong = 0
local function expect(conn, qid, want)
	local got = body_reply(conn, qid)
	if got ~= want then
		mt.echo("FAIL: " .. qid .. ": body reply " .. tostring(got) .. ", expected " .. tostring(want))
		wrong = wrong + 1
	end
end

mt.startfilter(LM, "-f", "-c", CONF)

-- without SKIP first, then a second connection offering it
local plain = open(false)
local skip = open(true)
expect(plain, "PLAIN1", SMFIR_CONTINUE)
expect(skip, "SKIP1", SMFIR_SKIP)
mt.disconnect(plain)
mt.disconnect(skip)

-- the reverse: SKIP first, then a connection without it
skip = open(true)
plain = open(false)
expect(skip, "SKIP2", SMFIR_SKIP)
expect(plain, "PLAIN2", SMFIR_CONTINUE)
mt.disconnect(skip)
mt.disconnect(plain)
lib.check(wrong == 0, wrong .. " wrong replies")
