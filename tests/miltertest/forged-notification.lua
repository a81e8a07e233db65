-- forged-notification: a copy of a LinkedIn digest under the display name
-- "LinkeIn" from someone else's mailbox is phish, tagged with its reason and
-- what it imitates and filed in Junk, not with the notifications; mail
-- that only mentions LinkedIn on the same connection is left alone
local lib = dofile(DATA .. "/../miltertest/lib.lua")
local conn = lib.start()
local path = lib.corpus("imp-2024-digest-linkein-ipfs")
local from, rcpt = lib.envelope_of(path)
local _, eom = lib.send_file(conn, path, from, rcpt, nil, "QFAKE1")
lib.check(eom == SMFIR_ACCEPT, "end of message reply " .. tostring(eom))
lib.check(mt.eom_check(conn, MT_HDRADD, "X-LinkedIn-Verdict", "phish"),
	"verdict " .. tostring(mt.getheader(conn, "X-LinkedIn-Verdict", 0)))
lib.check(mt.eom_check(conn, MT_HDRADD, "X-LinkedIn-Reasons", "foreign-sender"), "reason missing")
lib.check(mt.eom_check(conn, MT_HDRADD, "X-LinkedIn-Explanation",
	"looks like a LinkedIn notification, but was sent by sina.tums.example"), "explanation missing")
lib.check(mt.eom_check(conn, MT_HDRADD, "X-LinkedIn-Folder", "Junk"), "not filed in Junk")
path = lib.corpus("none-lead-seller-linkedin-leads")
from, rcpt = lib.envelope_of(path)
_, eom = lib.send_file(conn, path, from, rcpt, nil, "QLEADS")
lib.check(eom == SMFIR_ACCEPT, "end of message reply " .. tostring(eom))
lib.check(not mt.eom_check(conn, MT_HDRADD, "X-LinkedIn-Verdict"), "ordinary mail tagged")
mt.disconnect(conn)
