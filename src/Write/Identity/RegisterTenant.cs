using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using Npgsql;
using Platform.Write.EventStore;
using Platform.Write.Tenancy;

namespace Platform.Write.Identity;

/// <summary>Sign-up: a business becomes a tenant on the basic plan, its owner an account, and the owner is signed in.</summary>
[AllowAnonymous]
public sealed record RegisterTenant(
    string Name, string Slug, string Country, string TimeZone, string Currency, string Industry,
    string DisplayName, string Email, string Password, ClientInfo Client) : IRequest<Registration>
{
    // Records print every member; a logged request must not carry the password.
    public override string ToString() => $"RegisterTenant {{ Slug = {Slug} }}";
}

public sealed record Registration(Guid TenantId, Guid UserId, string Slug, SessionTokens Tokens);

public sealed class RegisterTenantHandler(
    TenantDatabase database, TransactionalAppend append, CommandContext context, ISessionTokens tokens,
    IOptions<AuthSettings> settings, TimeProvider time) : IRequestHandler<RegisterTenant, Registration>
{
    public const string StartingPlan = "basic";

    public async Task<Registration> Handle(RegisterTenant request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (tenantId, userId) = (Guid.CreateVersion7(), Guid.CreateVersion7());
        var email = EmailAddresses.Normalize(request.Email);
        var registered = new TenantRegistered(
            tenantId, request.Name.Trim(), request.Slug, CountryCodes.Normalize(request.Country), request.TimeZone,
            CurrencyCodes.Normalize(request.Currency), request.Industry, StartingPlan, userId);
        var owner = new UserRegistered(userId, email, request.DisplayName.Trim(), Roles.Owner);
        var passwordHash = Passwords.Hash(request.Password);
        context.ActFor(tenantId, userId);
        var now = time.GetUtcNow();

        await using var tx = await database.BeginAsync(tenantId, cancellationToken);
        var versions = await append.AppendAsync(tx,
        [
            new StreamAppend(tenantId, TenancyEvents.TenantStream, ExpectedVersion.NoStream, [context.Event(registered)]),
            new StreamAppend(tenantId, TenancyEvents.UserStream(userId), ExpectedVersion.NoStream, [context.Event(owner)]),
            .. Catalog.ReferenceLists.SeedAppends(tenantId, request.Industry, context.Event),
            .. Pipeline.PipelineTemplates.SeedAppends(tenantId, request.Industry, context.Event),
        ], cancellationToken);
        try
        {
            await InsertTenantAsync(tx, registered, versions[0].StreamVersion, now, cancellationToken);
            await InsertOwnerAsync(tx, owner, passwordHash, versions[1].StreamVersion, now, cancellationToken);
        }
        catch (PostgresException error) when (error.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            // The unique indexes see every tenant's rows, though row-level security hides them from us.
            throw error.ConstraintName == "tenants_slug_uq" ? IdentityErrors.SlugTaken() : IdentityErrors.EmailUnavailable();
        }
        var session = await SessionRows.StartAsync(tx, userId, request.Client, now, settings.Value.RefreshTokenLifetime, cancellationToken)
            ?? throw new InvalidOperationException("The owner just registered has no active account.");
        await tx.CommitAsync(cancellationToken);
        return new Registration(tenantId, userId, registered.Slug, tokens.Issue(session));
    }

    private static async Task InsertTenantAsync(TenantTransaction tx, TenantRegistered t, long version, DateTimeOffset now, CancellationToken ct)
    {
        await using var command = tx.Command("""
            insert into tenants (tenant_id, slug, name, country, time_zone, currency, industry, plan, status, version, created_at, updated_at)
            values ($1, $2, $3, $4, $5, $6, $7, $8, 'active', $9, $10, $10)
            """);
        foreach (var value in new object[] { t.TenantId, t.Slug, t.Name, t.Country, t.TimeZone, t.Currency, t.Industry, t.Plan, version, now })
            command.Parameters.Add(new() { Value = value });
        await command.ExecuteNonQueryAsync(ct);
    }

    private static async Task InsertOwnerAsync(
        TenantTransaction tx, UserRegistered u, string passwordHash, long version, DateTimeOffset now, CancellationToken ct)
    {
        await using var command = tx.Command("""
            insert into users (tenant_id, user_id, email, display_name, role, status, password_hash, security_stamp, version, created_at, updated_at)
            values ($1, $2, $3, $4, $5, 'active', $6, $7, $8, $9, $9)
            """);
        foreach (var value in new object[] { tx.TenantId, u.UserId, u.Email, u.DisplayName, u.Role, passwordHash, Guid.NewGuid(), version, now })
            command.Parameters.Add(new() { Value = value });
        await command.ExecuteNonQueryAsync(ct);
    }
}
