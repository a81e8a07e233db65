-- many-messages-one-connection: 60 messages, ordinary and invitations in
-- turn, on one connection: each gets its own answer, nothing carries over
local lib = dofile(DATA .. "/../miltertest/lib.lua")
local conn = lib.start()
local inv = lib.corpus("2020-en-no-note-pymk4")
local none = lib.corpus("none-personal-dinner")
local forged = lib.corpus("phish-2012-fake-reminder")
for i = 1, 60 do
	local path = ({ inv, none, forged })[i % 3 + 1]
	local from, rcpt = lib.envelope_of(path)
	local eoh, eom = lib.send_file(conn, path, from, rcpt, 4096, "Q" .. i)
	if path == none then
		lib.check(eoh == SMFIR_ACCEPT, "message " .. i .. ": ordinary mail not accepted at eoh")
	else
		lib.check(eom == SMFIR_ACCEPT, "message " .. i .. ": reply " .. tostring(eom))
		local want = path == inv and "ask" or "phish"
		lib.check(mt.eom_check(conn, MT_HDRADD, "X-LinkedIn-Verdict", want),
			"message " .. i .. ": verdict " .. tostring(mt.getheader(conn, "X-LinkedIn-Verdict", 0)))
	end
end
mt.disconnect(conn)
