using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;
using Platform.Write.Tenancy;

namespace Platform.Write.Privacy;

public static class PrivacyServices
{
    /// <summary>The configuration key of the master key (base64 of 32 random bytes); env Platform__Privacy__MasterKey.</summary>
    public const string MasterKeySetting = "Platform:Privacy:MasterKey";

    /// <summary>
    /// The subjects' key ring, so the event serializer seals and opens personal data. Keys are wrapped
    /// by the configured master key, or else by the Data Protection key ring (which must be registered;
    /// keys it wrapped still open once a master key is configured, but never remove a master key).
    /// </summary>
    public static IServiceCollection AddPrivacy(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var master = configuration[MasterKeySetting];
        if (string.IsNullOrWhiteSpace(master))
            services.TryAddSingleton<ISubjectKeyWrapper>(sp => new DataProtectionKeyWrapper(sp.GetRequiredService<IDataProtectionProvider>()));
        else
            services.TryAddSingleton<ISubjectKeyWrapper>(sp => new MasterKeyWrapper(
                Decode(master), new DataProtectionKeyWrapper(sp.GetRequiredService<IDataProtectionProvider>())));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<SubjectKeyCache>();
        services.TryAddSingleton(sp => new SubjectKeyring(
            sp.GetRequiredService<NpgsqlDataSource>(), sp.GetRequiredService<ISubjectKeyWrapper>(), sp.GetRequiredService<SubjectKeyCache>()));
        services.TryAddSingleton<PersonalDataProtector>();
        services.AddPersonalDataScrubber<UserDataScrubber>();
        return services;
    }

    public static IServiceCollection AddPersonalDataScrubber<T>(this IServiceCollection services) where T : class, IPersonalDataScrubber
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPersonalDataScrubber, T>());
        return services;
    }

    private static byte[] Decode(string master)
    {
        try
        {
            return Convert.FromBase64String(master);
        }
        catch (FormatException)
        {
            throw new InvalidOperationException($"{MasterKeySetting} must be base64 of 32 random bytes (openssl rand -base64 32).");
        }
    }
}
