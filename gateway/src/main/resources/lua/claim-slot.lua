-- Claims or confirms one of a time-window task's slots, atomically across every gateway replica.
-- KEYS[1]: the task's claims set. ARGV[1]: the client's identity; ARGV[2]: usersCount;
-- ARGV[3]: when the claims may go (epoch millis, after the window's end).
-- Returns 1 when the client holds a slot (it already did, or just got one), 0 when none is left.
if redis.call('SISMEMBER', KEYS[1], ARGV[1]) == 1 then
  return 1
end
if redis.call('SCARD', KEYS[1]) >= tonumber(ARGV[2]) then
  return 0
end
redis.call('SADD', KEYS[1], ARGV[1])
redis.call('PEXPIREAT', KEYS[1], ARGV[3])
return 1
