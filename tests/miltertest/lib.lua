-- lib.lua - shared steps of the miltertest scripts (loaded with dofile).
-- The runner (tests/milter.sh) passes LM (the binary), CONF (a private
-- configuration), SOCK (its unix socket) and DATA (tests/data) with -D.
local lib = {}

function lib.fail(msg)
	mt.echo("FAIL: " .. msg)
	error(msg)
end

function lib.check(cond, msg)
	if not cond then lib.fail(msg) end
end

-- start the filter (optionally under env with VAR=VALUE pairs) and connect
function lib.start(...)
	local env = {...}
	if #env > 0 then
		mt.startfilter("/usr/bin/env", table.unpack(env), LM, "-f", "-c", CONF)
	else
		mt.startfilter(LM, "-f", "-c", CONF)
	end
	local conn = mt.connect("unix:" .. SOCK, 100, 0.1)
	lib.check(conn ~= nil, "cannot connect to " .. SOCK)
	return conn
end

function lib.reply_is(conn, want, what)
	local got = mt.getreply(conn)
	lib.check(got == want, what .. ": reply " .. tostring(got) .. ", expected " .. tostring(want))
end

-- the headers (name, value pairs, folding kept) and the body of a file
function lib.read_message(path)
	local f = io.open(path, "rb")
	lib.check(f ~= nil, "cannot read " .. path)
	local text = f:read("a")
	f:close()
	local head, body = text:match("^(.-)\r?\n\r?\n(.*)$")
	if not head then head, body = text, "" end
	local headers = {}
	for line in (head .. "\n"):gmatch("(.-)\r?\n") do
		if line:match("^[ \t]") and #headers > 0 then
			headers[#headers][2] = headers[#headers][2] .. "\n" .. line
		else
			local name, value = line:match("^([^:]+):[ \t]*(.*)$")
			if name then headers[#headers + 1] = { name, value } end
		end
	end
	return headers, body
end

-- one message: envelope, headers, end of headers; returns the reply there
function lib.envelope_and_headers(conn, from, rcpt, headers, qid)
	mt.macro(conn, SMFIC_MAIL, "i", qid or "TESTQID")
	lib.check(mt.mailfrom(conn, from) == nil, "MAIL FROM failed")
	lib.reply_is(conn, SMFIR_CONTINUE, "MAIL FROM")
	lib.check(mt.rcptto(conn, rcpt) == nil, "RCPT TO failed")
	lib.reply_is(conn, SMFIR_CONTINUE, "RCPT TO")
	for _, h in ipairs(headers) do
		lib.check(mt.header(conn, h[1], h[2]) == nil, "header " .. h[1] .. " failed")
	end
	lib.check(mt.eoh(conn) == nil, "end of headers failed")
	return mt.getreply(conn)
end

-- send the message file PATH whole (body in chunks of CHUNK bytes); returns
-- the reply at end of headers and, when the body was sent, at end of message
function lib.send_file(conn, path, from, rcpt, chunk, qid)
	local headers, body = lib.read_message(path)
	local eoh = lib.envelope_and_headers(conn, from, rcpt, headers, qid)
	if eoh ~= SMFIR_CONTINUE then return eoh, nil end
	body = body:gsub("\r?\n", "\r\n")
	chunk = chunk or 65535
	for i = 1, #body, chunk do
		mt.bodystring(conn, body:sub(i, i + chunk - 1))
		if mt.getreply(conn) == SMFIR_SKIP then break end
	end
	lib.check(mt.eom(conn) == nil, "end of message failed")
	return eoh, mt.getreply(conn)
end

-- the corpus file whose name ends in SLUG.eml (numbers change, slugs do not)
function lib.corpus(slug)
	local ls = io.popen('ls "' .. DATA .. '/corpus"')
	local found
	for f in ls:lines() do
		if f:match("^%d%d%d%-" .. slug:gsub("%-", "%%-") .. "%.eml$") then found = f end
	end
	ls:close()
	lib.check(found ~= nil, "no corpus file for " .. slug)
	return DATA .. "/corpus/" .. found
end

-- envelope sender and recipient as the corpus file names them
function lib.envelope_of(path)
	local headers = lib.read_message(path)
	local from, rcpt = "<sender@example.net>", "<bob.smith@example.org>"
	for _, h in ipairs(headers) do
		if h[1]:lower() == "return-path" then from = h[2] end
		if h[1]:lower() == "delivered-to" then rcpt = "<" .. h[2] .. ">" end
	end
	return from, rcpt
end

return lib
