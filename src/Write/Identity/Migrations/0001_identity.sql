-- The Data Protection key ring that protects every access and refresh token. Kept in the
-- database so tokens survive a restart and every Api instance reads the same keys. Only the
-- schema's owner (the system connection) reads it: the application role has no grant.
create table data_protection_keys (
    friendly_name text primary key,
    xml text not null,
    created_at timestamptz not null default now()
);
revoke all on data_protection_keys from public;

-- Sign-in attempts per account, shared by every Api instance. The key is a hash of the normalized
-- address, kept whether or not an account has it, so a throttled answer says nothing about
-- accounts. No tenant owns a row; the application reaches it only through the functions below.
create table login_throttle (
    account_key bytea primary key,
    window_start timestamptz not null,
    attempts int not null
);
revoke all on login_throttle from public;

-- Counts one attempt and answers 0 when it may go ahead, or the seconds until the window ends.
-- One statement, so concurrent attempts on several instances cannot slip past the limit.
create function login_attempt(p_key bytea, p_limit int, p_window interval)
returns int
language plpgsql security definer set search_path = public
as $$
declare
    started timestamptz;
    counted int;
begin
    insert into login_throttle as t (account_key, window_start, attempts) values (p_key, now(), 1)
    on conflict (account_key) do update
       set window_start = case when t.window_start <= now() - p_window then now() else t.window_start end,
           attempts = case when t.window_start <= now() - p_window then 1 else least(t.attempts + 1, p_limit + 1) end
    returning window_start, attempts into started, counted;
    -- Addresses nobody signs in with again would stay forever; sweep old windows now and then.
    if random() < 0.01 then
        delete from login_throttle where window_start < now() - p_window;
    end if;
    if counted <= p_limit then
        return 0;
    end if;
    return greatest(1, ceil(extract(epoch from started + p_window - now())))::int;
end
$$;

-- A successful sign-in (or a password reset) starts the account's count again.
create function login_succeeded(p_key bytea)
returns void
language sql security definer set search_path = public
as $$ delete from login_throttle where account_key = p_key $$;

revoke all on function login_attempt(bytea, int, interval) from public;
revoke all on function login_succeeded(bytea) from public;
grant execute on function login_attempt(bytea, int, interval) to platform_tenant_access;
grant execute on function login_succeeded(bytea) to platform_tenant_access;
