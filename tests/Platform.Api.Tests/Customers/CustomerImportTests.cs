using System.Net;
using Platform.Api.Tests.Auth;

namespace Platform.Api.Tests.Customers;

public sealed class CustomerImportTests(AuthApiFixture api) : IClassFixture<AuthApiFixture>
{
    private const string File = """
        Nombre;Teléfono;Correo;Presupuesto
        Carla Ruiz;300 100 0001;carla@example.test;1500
        José Pérez;(300) 555-1234;jose.nuevo@example.test;
        José Pérez;+57 300 555 1234;JOSE.NUEVO@example.test;
        Mal Número;12;;
        Carla R.;310 100 0002;carla@example.test;
        Sin Contacto;;;
        """;

    [Fact]
    public async Task A_dry_run_reports_each_row_with_its_reason_and_changes_nothing()
    {
        var (owner, client) = await TenantWithJoseAsync();
        var events = await EventCountAsync(owner.TenantId);

        var status = await CustomerImports.RunAsync(client, File, dryRun: true);

        status.GetProperty("status").GetString().Should().Be("completed");
        status.GetProperty("percent").GetInt32().Should().Be(100);
        CustomerImports.Counts(status).Should().Equal(new Dictionary<string, int> { ["new"] = 1, ["merged"] = 2, ["skipped"] = 1, ["invalid"] = 2 });
        var rows = await CustomerImports.RowsAsync(client, status.GetProperty("importId").GetGuid());
        rows.Select(r => r.GetProperty("outcome").GetString()).Should().Equal("new", "merged", "skipped", "invalid", "merged", "invalid");
        rows[3].GetProperty("reason").GetString().Should().StartWith("Teléfono:");
        rows[1].GetProperty("reason").GetString().Should().Contain("jose.nuevo@example.test");
        rows[4].GetProperty("customerId").GetGuid().Should().Be(rows[0].GetProperty("customerId").GetGuid());
        (await EventCountAsync(owner.TenantId)).Should().Be(events);
        (await api.ScalarAsync<long>("select count(*) from customers where tenant_id = $1", owner.TenantId)).Should().Be(1);
    }

    [Fact]
    public async Task A_real_run_imports_as_the_dry_run_said_and_the_same_file_again_changes_nothing()
    {
        var (owner, client) = await TenantWithJoseAsync();
        var dry = CustomerImports.Counts(await CustomerImports.RunAsync(client, File, dryRun: true));

        var real = await CustomerImports.RunAsync(client, File, dryRun: false);

        CustomerImports.Counts(real).Should().Equal(dry);
        (await api.ScalarAsync<long>("select count(*) from customers where tenant_id = $1", owner.TenantId)).Should().Be(2);
        var carla = CustomerRequests.Ids(await CustomerRequests.GetJsonAsync(client, "/api/customers?text=carla")).Single();
        var customer = await CustomerRequests.GetJsonAsync(client, $"/api/customers/{carla}");
        customer.GetProperty("phones").EnumerateArray().Select(p => p.GetString()).Should().Equal("+573001000001", "+573101000002");
        customer.GetProperty("fields").GetProperty("presupuesto").GetString().Should().Be("1500");
        var events = await EventCountAsync(owner.TenantId);

        var again = await CustomerImports.RunAsync(client, File, dryRun: false);

        CustomerImports.Counts(again).Should().Equal(new Dictionary<string, int> { ["new"] = 0, ["merged"] = 0, ["skipped"] = 4, ["invalid"] = 2 });
        (await EventCountAsync(owner.TenantId)).Should().Be(events);
    }

    [Fact]
    public async Task A_mapping_names_columns_and_bad_mappings_or_files_are_refused_naming_the_field()
    {
        var owner = await TestAccounts.RegisterTenantAsync(api.Client);
        using var client = api.Client.WithBearer(owner);
        const string csv = "Cliente,Cel,Otro\nAna Gómez,3001112233,x\n";

        var status = await CustomerImports.RunAsync(client, csv, dryRun: false, mapping: """{"Cliente":"name","Cel":"phone","Otro":"ignore"}""");
        CustomerImports.Counts(status)["new"].Should().Be(1);

        using var unknownColumn = await CustomerImports.UploadAsync(client, csv, false, """{"Celular":"phone"}""");
        (await Problems(unknownColumn)).Should().Contain("mapping.Celular");
        using var badTarget = await CustomerImports.UploadAsync(client, csv, false, """{"Cel":"fax"}""");
        (await Problems(badTarget)).Should().Contain("mapping.Cel");
        using var noContact = await CustomerImports.UploadAsync(client, "Cliente\nAna\n", false);
        (await Problems(noContact)).Should().Contain("mapping");
        using var notAFile = await CustomerImports.UploadAsync(client, [0x50, 0x4B, 0x03, 0x04, 0x00], false, fileName: "clientes.xlsx");
        (await Problems(notAFile)).Should().Contain("file");
        using var viewer = api.Client.WithBearer(await TestAccounts.AddSignedInUserAsync(api.Client, api.Database.DataSource, owner.TenantId, "sales"));
        using var forbidden = await CustomerImports.UploadAsync(viewer, csv, true);
        forbidden.StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task An_xlsx_file_is_imported_like_a_csv()
    {
        var owner = await TestAccounts.RegisterTenantAsync(api.Client);
        using var client = api.Client.WithBearer(owner);
        var xlsx = XlsxSamples.Workbook(["Nombre", "Teléfono", "Correo"], [["Luisa Díaz", "3009998877", "luisa@example.test"], ["Luisa D.", "", "LUISA@example.test"]]);

        var status = await CustomerImports.RunAsync(client, xlsx, dryRun: false, fileName: "clientes.xlsx");

        CustomerImports.Counts(status).Should().Equal(new Dictionary<string, int> { ["new"] = 1, ["merged"] = 0, ["skipped"] = 1, ["invalid"] = 0 });
        var id = CustomerRequests.Ids(await CustomerRequests.GetJsonAsync(client, "/api/customers?text=luisa")).Single();
        (await CustomerRequests.GetJsonAsync(client, $"/api/customers/{id}")).GetProperty("phones")[0].GetString().Should().Be("+573009998877");
    }

    private async Task<(TestAccount Owner, HttpClient Client)> TenantWithJoseAsync()
    {
        var owner = await TestAccounts.RegisterTenantAsync(api.Client);
        var client = api.Client.WithBearer(owner);
        await CustomFieldApiTests.DefineAsync(client, new { key = "presupuesto", label = "Presupuesto", type = "number", required = false, position = 1 });
        await CustomerRequests.CreateAsync(client, CustomerRequests.Body("José Pérez", "300 555 1234", "jose@example.test"));
        return (owner, client);
    }

    private Task<long> EventCountAsync(Guid tenant) => api.ScalarAsync<long>("select count(*) from events where tenant_id = $1", tenant)!;

    private static async Task<IEnumerable<string>> Problems(HttpResponseMessage response)
    {
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        return (await TestAccounts.ReadJsonAsync(response)).GetProperty("errors").EnumerateObject().Select(e => e.Name).ToList();
    }
}
