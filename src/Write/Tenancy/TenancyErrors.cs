using Platform.Write.Domain;

namespace Platform.Write.Tenancy;

/// <summary>The broken rules of tenants and users, with the Spanish text their users read.</summary>
public static class TenancyErrors
{
    public static DomainException TenantDeactivated() =>
        new("tenant-deactivated", "La cuenta de esta empresa está desactivada.", DomainErrorKind.Forbidden);

    public static NotFoundException UserNotFound() => new("el usuario");

    /// <summary>Addresses are unique across the platform, so sign-in needs no tenant name.</summary>
    public static ConflictException EmailUnavailable() =>
        new("email-unavailable", "Ya existe una cuenta con ese correo electrónico.");

    public static AccessDeniedException OwnerRequired() =>
        new("Solo un propietario puede dar, quitar o desactivar el rol de propietario.");

    public static DomainException LastOwner() =>
        new("last-owner", "La empresa debe conservar al menos un propietario activo.");

    public static DomainException CannotDeactivateSelf() =>
        new("cannot-deactivate-self", "No puedes desactivar tu propia cuenta.");

    public static ConflictException UserDeactivated() =>
        new("user-deactivated", "El usuario está desactivado.");

    public static ConflictException UserExists() =>
        new("user-exists", "Ese usuario ya existe.");

    /// <summary>One answer for every bad invitation token: malformed, unknown, used, expired or revoked.</summary>
    public static DomainException InvalidInvitation() =>
        new("invalid-invitation", "La invitación no es válida, ya se usó o venció.");
}
