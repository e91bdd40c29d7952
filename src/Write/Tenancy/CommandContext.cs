using Platform.Write.EventStore;

namespace Platform.Write.Tenancy;

/// <summary>
/// Who is acting, for one request (scoped). Filled from the authenticated principal, never from a
/// body; handlers read the tenant from here and stamp every event's metadata with it.
/// </summary>
public sealed class CommandContext
{
    public Guid? TenantId { get; private set; }

    public Guid? UserId { get; private set; }

    public string? Role { get; private set; }

    public Guid? SessionId { get; private set; }

    /// <summary>False once the tenant is deactivated: only requests marked <see cref="AllowInactiveTenantAttribute"/> pass.</summary>
    public bool TenantActive { get; private set; } = true;

    /// <summary>Ties together everything one user action caused, across commands and reactions.</summary>
    public Guid CorrelationId { get; set; } = Guid.CreateVersion7();

    /// <summary>The command being handled; the cause of the events it appends.</summary>
    public Guid CommandId { get; set; } = Guid.CreateVersion7();

    /// <summary>The client's Idempotency-Key for this request, when it sent one.</summary>
    public string? IdempotencyKey { get; set; }

    public string Source { get; set; } = "api";

    public bool IsSignedIn => TenantId is not null && UserId is not null;

    /// <summary>A platform operator: a user with the platform-admin role and no tenant at all.</summary>
    public bool IsOperator => TenantId is null && UserId is not null && Role == Roles.PlatformAdmin;

    /// <summary>The acting tenant; only handlers of tenant requests ask, and the pipeline ensures one is set.</summary>
    public Guid Tenant => TenantId ?? throw new InvalidOperationException("No tenant is set for this request.");

    public Guid User => UserId ?? throw new InvalidOperationException("No user is signed in for this request.");

    public void SignIn(Guid tenantId, Guid userId, string role, Guid? sessionId, bool tenantActive = true)
    {
        TenantActive = tenantActive;
        TenantId = tenantId;
        UserId = userId;
        Role = role;
        SessionId = sessionId;
    }

    /// <summary>A platform operator's request: <see cref="UserId"/> is the operator, and no tenant is set.</summary>
    public void SignInOperator(Guid operatorId, Guid sessionId)
    {
        TenantId = null;
        UserId = operatorId;
        Role = Roles.PlatformAdmin;
        SessionId = sessionId;
    }

    /// <summary>For anonymous commands that create a tenant (sign-up) or act on one found by token.</summary>
    public void ActFor(Guid tenantId, Guid? userId = null)
    {
        TenantId = tenantId;
        UserId ??= userId;
    }

    public EventMetadata Metadata() => new(UserId?.ToString("D"), CorrelationId, CommandId, Source);

    public NewEvent Event(object data) => new(Guid.CreateVersion7(), data, Metadata());
}
