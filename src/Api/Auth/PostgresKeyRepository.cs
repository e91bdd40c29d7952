using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Npgsql;

namespace Platform.Api.Auth;

/// <summary>
/// The Data Protection key ring in the database (table data_protection_keys, system connection):
/// a token issued by one instance opens on every other, and after a restart. The data source is
/// resolved on first use because in embedded mode it exists only once the cluster has started.
/// </summary>
internal sealed class PostgresKeyRepository(IServiceProvider services) : IXmlRepository
{
    private NpgsqlDataSource DataSource => services.GetRequiredService<NpgsqlDataSource>();

    public IReadOnlyCollection<XElement> GetAllElements()
    {
        // Data Protection's interface is synchronous.
        using var command = DataSource.CreateCommand("select xml from data_protection_keys order by created_at, friendly_name");
        using var reader = command.ExecuteReader();
        var elements = new List<XElement>();
        while (reader.Read()) elements.Add(XElement.Parse(reader.GetString(0)));
        return elements;
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        using var command = DataSource.CreateCommand(
            "insert into data_protection_keys (friendly_name, xml) values ($1, $2) on conflict (friendly_name) do nothing");
        command.Parameters.Add(new() { Value = friendlyName });
        command.Parameters.Add(new() { Value = element.ToString(SaveOptions.DisableFormatting) });
        command.ExecuteNonQuery();
    }
}
