-- reload-on-sigusr1: SIGUSR1 reloads the configuration: a new rule applies
-- to the next message; a broken file is refused and the old one stays
local lib = dofile(DATA .. "/../miltertest/lib.lua")
local conn = lib.start()
local path = lib.corpus("2020-en-no-note-pymk4")
local from, rcpt = lib.envelope_of(path)
local function verdict()
	local c = mt.connect("unix:" .. SOCK, 20, 0.1)
	local _, eom = lib.send_file(c, path, from, rcpt)
	lib.check(eom == SMFIR_ACCEPT, "reply " .. tostring(eom))
	local v = mt.getheader(c, "X-LinkedIn-Verdict", 0)
	mt.disconnect(c)
	return v
end
lib.check(verdict() == "ask", "before the reload")
local f = io.open(CONF, "a")
f:write('rules = ( { field = "inviter.headline"; match = "Product"; verdict = "decline"; reason = "not-now"; } );\n')
f:close()
mt.signal(10)			-- SIGUSR1
local v
for _ = 1, 50 do		-- the reload happens in the daemon's own time
	mt.sleep(0.1)
	v = verdict()
	if v == "decline" then break end
end
lib.check(v == "decline", "after the reload: " .. tostring(v))
f = io.open(CONF, "a")
f:write('this is not a configuration\n')
f:close()
mt.signal(10)
mt.sleep(0.5)
lib.check(verdict() == "decline", "a broken configuration replaced the good one")
mt.disconnect(conn)
