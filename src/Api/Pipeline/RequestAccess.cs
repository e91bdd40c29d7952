using System.Collections.Concurrent;
using System.Reflection;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Platform.Write.Tenancy;

namespace Platform.Api.Pipeline;

/// <summary>
/// Who may send a request, as the request type declares it: <c>[AllowAnonymous]</c>, or
/// <c>[Authorize(Roles = "owner,admin")]</c> (<c>[Authorize]</c> alone: any signed-in role).
/// </summary>
public sealed record RequestAccess(bool Anonymous, IReadOnlyList<string> Roles, bool AllowsInactiveTenant)
{
    private static readonly ConcurrentDictionary<Type, RequestAccess> Cache = new();

    public static RequestAccess Of(Type requestType) => Cache.GetOrAdd(requestType, Read);

    /// <summary>For a tenant's user: <c>[Authorize]</c> alone admits every tenant role, never platform-admin.</summary>
    public bool Allows(string? role) => Roles.Count == 0 ? Write.Tenancy.Roles.IsKnown(role) : Roles.Contains(role ?? "", StringComparer.Ordinal);

    /// <summary>The request declares platform-admin: a platform operator, who has no tenant, may send it.</summary>
    public bool AllowsOperators => Roles.Contains(Write.Tenancy.Roles.PlatformAdmin, StringComparer.Ordinal);

    /// <summary>Only operators may send it; to a tenant's user it does not exist (404).</summary>
    public bool OperatorsOnly => Roles.Count > 0 && Roles.All(r => r == Write.Tenancy.Roles.PlatformAdmin);

    /// <summary>Refuses to start when a request declares nothing, or names a role that does not exist.</summary>
    public static void EnsureDeclared(IEnumerable<Assembly> assemblies)
    {
        var requests = assemblies.SelectMany(a => a.GetTypes())
            .Where(t => t is { IsAbstract: false, IsInterface: false } && t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IRequest<>)));
        foreach (var request in requests) Of(request);
    }

    private static RequestAccess Read(Type type)
    {
        var allowInactive = type.GetCustomAttribute<AllowInactiveTenantAttribute>() is not null;
        if (type.GetCustomAttribute<AllowAnonymousAttribute>() is not null) return new RequestAccess(true, [], allowInactive);
        var authorize = type.GetCustomAttributes<AuthorizeAttribute>().ToList();
        if (authorize.Count == 0)
            throw new InvalidOperationException($"{type.FullName} must declare who may send it: [AllowAnonymous] or [Authorize(Roles = ...)].");
        var roles = authorize.SelectMany(a => (a.Roles ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Distinct().ToList();
        var unknown = roles.FirstOrDefault(r => !Write.Tenancy.Roles.IsKnown(r) && r != Write.Tenancy.Roles.PlatformAdmin);
        if (unknown is not null) throw new InvalidOperationException($"{type.FullName} names an unknown role '{unknown}'.");
        return new RequestAccess(false, roles, allowInactive);
    }
}
