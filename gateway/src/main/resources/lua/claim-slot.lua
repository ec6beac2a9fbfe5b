-- Claims or confirms one of a time-window task's slots, atomically across every gateway replica.
-- KEYS[1]: the task's claims set, one member per slot holder (SCARD is the slots taken).
-- KEYS[2]: the identities linked to a holder: the same client under its other id, which takes no slot.
-- ARGV[1]: usersCount; ARGV[2]: when the claims may go (epoch millis, after the window's end);
-- ARGV[3..]: the client's identities, the one that claims first (its userId, else its deviceId).
-- Returns 1 when the client holds a slot (it already did under one of its ids, or just got one), 0 when none
-- is left. A device that asked anonymously and later with a user id keeps its one slot.
local held = false
for i = 3, #ARGV do
  if redis.call('SISMEMBER', KEYS[1], ARGV[i]) == 1 or redis.call('SISMEMBER', KEYS[2], ARGV[i]) == 1 then
    held = true
    break
  end
end
if not held then
  if redis.call('SCARD', KEYS[1]) >= tonumber(ARGV[1]) then
    return 0
  end
  redis.call('SADD', KEYS[1], ARGV[3])
  redis.call('PEXPIREAT', KEYS[1], ARGV[2])
end
for i = 3, #ARGV do
  if redis.call('SISMEMBER', KEYS[1], ARGV[i]) == 0 and redis.call('SADD', KEYS[2], ARGV[i]) == 1 then
    redis.call('PEXPIREAT', KEYS[2], ARGV[2])
  end
end
return 1
