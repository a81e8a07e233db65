-- quarantine-phish: with quarantine set for phish, a look-alike invitation
-- is held in the MTA's quarantine with a reason
local lib = dofile(DATA .. "/../miltertest/lib.lua")
local conn = lib.start()
local path = lib.corpus("phish-lookalike-lindkedin")
local from, rcpt = lib.envelope_of(path)
local _, eom = lib.send_file(conn, path, from, rcpt)
lib.check(eom == SMFIR_ACCEPT, "end of message reply " .. tostring(eom))
lib.check(mt.eom_check(conn, MT_QUARANTINE, "linkedin-milter: phish (lookalike-domain)"), "not quarantined")
lib.check(mt.eom_check(conn, MT_HDRADD, "X-LinkedIn-Verdict", "phish"), "not tagged phish")
lib.check(mt.eom_check(conn, MT_HDRADD, "X-LinkedIn-Explanation",
	"looks like a LinkedIn invitation, but the sender or a link uses lindkedin.com, a domain made to look like LinkedIn's"),
	"no explanation")
mt.disconnect(conn)
