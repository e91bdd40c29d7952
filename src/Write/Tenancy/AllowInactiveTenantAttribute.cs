namespace Platform.Write.Tenancy;

/// <summary>Marks the few requests a deactivated tenant may still send (reactivation, export).</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class AllowInactiveTenantAttribute : Attribute;
