using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Platform.Read.Identity;
using Platform.Write.Identity;

namespace Platform.Api.Auth;

/// <summary>Bearer tokens (access + refresh) over a key ring kept in PostgreSQL, the per-request session check, and role-based authorization.</summary>
internal static class AuthServices
{
    /// <summary>Fixed, so every instance (and every content root) derives the same token protectors from the shared keys.</summary>
    public const string DataProtectionApplication = "platform";

    public static IServiceCollection AddPlatformAuth(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<AuthSettings>().BindConfiguration(AuthSettings.Section)
            .Validate(s => s.AccessTokenLifetime > TimeSpan.Zero && s.RefreshTokenLifetime > TimeSpan.Zero
                           && s.PasswordResetLifetime > TimeSpan.Zero && s.LoginAttemptWindow > TimeSpan.Zero
                           && s.LoginAttemptsPerAccount > 0 && s.LoginAttemptsPerAddress > 0,
                $"{AuthSettings.Section}: lifetimes, the attempt window and the attempt limits must be positive.")
            .ValidateOnStart();

        services.AddDataProtection().SetApplicationName(DataProtectionApplication);
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp =>
            new ConfigureOptions<KeyManagementOptions>(options => options.XmlRepository = new PostgresKeyRepository(sp)));

        services.AddAuthentication(BearerTokenDefaults.AuthenticationScheme).AddBearerToken();
        services.AddOptions<BearerTokenOptions>(BearerTokenDefaults.AuthenticationScheme)
            .Configure<IOptions<AuthSettings>>((bearer, settings) =>
            {
                bearer.BearerTokenExpiration = settings.Value.AccessTokenLifetime;
                bearer.RefreshTokenExpiration = settings.Value.RefreshTokenLifetime;
                bearer.EventsType = typeof(SessionBearerEvents);
            });
        services.AddAuthorization();

        services.AddScoped<SessionBearerEvents>();
        services.AddSingleton<SessionStatusQuery>();
        services.AddSingleton<OperatorSessionCheck>();
        services.AddSingleton<Write.Operators.IOperatorTokens, OperatorBearerTokens>();
        services.AddSingleton<Write.Operators.OperatorAccounts>();
        services.AddSingleton<ISessionTokens, BearerSessionTokens>();
        services.AddSingleton<AddressThrottle>();
        services.AddSingleton<LoginThrottle>();
        return services;
    }
}
