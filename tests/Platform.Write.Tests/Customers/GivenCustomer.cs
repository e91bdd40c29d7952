using Platform.Write.Customers;

namespace Platform.Write.Tests.Customers;

internal static class GivenCustomer
{
    public static readonly Guid Id = Guid.CreateVersion7();

    public static CustomerContact Contact(string name = "María Pérez", string[]? phones = null, string[]? emails = null) =>
        new(name, phones ?? ["+525512345678"], emails ?? ["maria@example.com"], "Av. Reforma 1, CDMX", null);

    public static Dictionary<string, string> Fields(params (string Key, string Value)[] values) =>
        values.ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal);

    public static CustomerCreated Created(Dictionary<string, string>? fields = null)
    {
        var contact = Contact();
        return new(Id, contact.Name, contact.Phones, contact.Emails, contact.Address, contact.Notes, fields ?? Fields(), CustomerSources.BackOffice);
    }

    public static CustomerState? State(params object[] events) => Customer.Fold(events);

    public static InteractionLogged Touched(DateTimeOffset at) => new(Id, Guid.CreateVersion7(), "call", "successful", null, at, null, null);
}
