using FluentValidation;
using Platform.Write.Identity;
using Platform.Write.Tenancy;

namespace Platform.Write.Tests.Tenancy;

/// <summary>Sign-up and the settings change hold a tenant's country, currency and time zone to one set of rules.</summary>
public sealed class TenantProfileRulesTests
{
    private static readonly RegisterTenantValidator SignUp = new();
    private static readonly ChangeTenantSettingsValidator Settings = new();

    [Theory]
    [InlineData("CO", true)]
    [InlineData(" mx ", true)]
    [InlineData("XX", false)]
    [InlineData("COL", false)]
    public void Countries_come_from_the_ISO_list(string country, bool known) =>
        (Accepts(country, "COP", "America/Bogota") is (true, _, _)).Should().Be(known);

    [Theory]
    [InlineData("CLF", true)]
    [InlineData("cop", true)]
    [InlineData("ABC", false)]
    [InlineData("XAU", false)]
    public void Currencies_come_from_the_ISO_list(string currency, bool known) =>
        (Accepts("CO", currency, "America/Bogota") is (_, true, _)).Should().Be(known);

    [Theory]
    [InlineData("America/Bogota", true)]
    [InlineData("America/Argentina/Buenos_Aires", true)]
    [InlineData("UTC", true)]
    [InlineData("america/bogota", false)]
    [InlineData("utc", false)]
    [InlineData("UTC-11", false)]
    [InlineData("localtime", false)]
    [InlineData("posix/America/Bogota", false)]
    [InlineData("Mars/Olympus_Mons", false)]
    [InlineData("../../etc/passwd", false)]
    public void Time_zones_are_IANA_names_spelled_as_the_tz_database_does(string zone, bool known) =>
        (Accepts("CO", "COP", zone) is (_, _, true)).Should().Be(known);

    [Fact]
    public void Sign_up_and_the_settings_change_agree_on_every_code_and_zone()
    {
        var letters = Enumerable.Range('A', 26).Select(c => ((char)c).ToString()).ToList();
        var pairs = letters.SelectMany(a => letters.Select(b => a + b)).ToList();
        var countries = pairs.Concat(pairs.Select(p => p.ToLowerInvariant())).Concat(["", " ", "C", "COL", "C0"]);
        var currencies = pairs.SelectMany(p => letters.Select(c => p + c)).Concat(["", "CO", "COPS", "c0p"]);
        var zones = TimeZoneInfo.GetSystemTimeZones().Select(z => z.Id)
            .SelectMany(id => new[] { id, id.ToLowerInvariant(), id.ToUpperInvariant(), id + "/" })
            .Concat(["", "UTC", "utc", "UTC-11", "UTC+12", "Etc/GMT+5", "localtime", "posixrules", "Factory", "right/UTC", "/etc/passwd"]);

        var disagreements = countries.Where(c => SignUpAccepts(Register(country: c), r => r.Country) != SettingsAccept(Change(country: c), s => s.Country))
            .Concat(currencies.Where(c => SignUpAccepts(Register(currency: c), r => r.Currency) != SettingsAccept(Change(currency: c), s => s.Currency)))
            .Concat(zones.Where(z => SignUpAccepts(Register(zone: z), r => r.TimeZone) != SettingsAccept(Change(zone: z), s => s.TimeZone)))
            .ToList();

        disagreements.Should().BeEmpty();
    }

    private static (bool Country, bool Currency, bool TimeZone) Accepts(string country, string currency, string zone)
    {
        var signUp = Register(country, currency, zone);
        var settings = Change(country, currency, zone);
        var answers = (
            Country: SignUpAccepts(signUp, r => r.Country),
            Currency: SignUpAccepts(signUp, r => r.Currency),
            TimeZone: SignUpAccepts(signUp, r => r.TimeZone));
        answers.Should().Be((SettingsAccept(settings, s => s.Country), SettingsAccept(settings, s => s.Currency), SettingsAccept(settings, s => s.TimeZone)));
        return answers;
    }

    private static RegisterTenant Register(string country = "CO", string currency = "COP", string zone = "America/Bogota") =>
        new("Automotores", "automotores", country, zone, currency, "dealership", "Dueña", "duena@example.com", "una-clave-segura", new ClientInfo(null, null));

    private static ChangeTenantSettings Change(string country = "CO", string currency = "COP", string zone = "America/Bogota") =>
        new("Automotores", country, zone, currency, "dealership");

    private static bool SignUpAccepts(RegisterTenant request, System.Linq.Expressions.Expression<Func<RegisterTenant, object>> field) =>
        SignUp.Validate(request, options => options.IncludeProperties(field)).IsValid;

    private static bool SettingsAccept(ChangeTenantSettings request, System.Linq.Expressions.Expression<Func<ChangeTenantSettings, object>> field) =>
        Settings.Validate(request, options => options.IncludeProperties(field)).IsValid;
}
