using System.CommandLine;
using MediatR;
using Npgsql;
using Platform.Write.Privacy;
using Platform.Write.Tenancy;
using Spectre.Console;

namespace Platform.Api.Cli;

/// <summary>
/// <c>forget --tenant demo --subject {id} --reason "..." --by dueno@empresa.com</c>: erases a person
/// (crypto-shredding) on behalf of one of the tenant's active owners, recorded as the one who asked.
/// </summary>
internal static class ForgetCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var tenant = CliOptions.Tenant();
        var subject = new Option<Guid>("--subject") { Description = "La persona: un cliente, una cotización o un usuario.", Required = true };
        var reason = new Option<string>("--reason") { Description = "Por qué (una solicitud, una ley); nunca datos de la persona.", Required = true };
        var by = new Option<string>("--by") { Description = "El correo del dueño de la empresa que pide el borrado.", Required = true };
        var command = new Command("forget", "Borra a una persona: destruye su clave y limpia las copias en claro.") { tenant, subject, reason, by };
        command.SetAction((parse, ct) => PlatformCli.OnDatabaseAsync(console, parse, async database =>
        {
            var tenantId = await database.TenantAsync(parse.GetValue(tenant)!, ct);
            var text = parse.GetValue(reason)!.Trim();
            if (text.Length is 0 or > 500) throw new CliException("El motivo es obligatorio y tiene como máximo 500 caracteres.");
            var owner = await OwnerAsync(database.System, tenantId, parse.GetValue(by)!, ct)
                ?? throw new CliException("Ese correo no es de un dueño activo de la empresa.");
            using var scope = database.Services.CreateScope();
            scope.ServiceProvider.GetRequiredService<CommandContext>().SignIn(tenantId, owner, Roles.Owner, sessionId: null);
            var handler = scope.ServiceProvider.GetRequiredService<IRequestHandler<ForgetSubject, ForgottenSubjects>>();
            try
            {
                var result = await handler.Handle(new ForgetSubject(parse.GetValue(subject), text), ct);
                console.MarkupLineInterpolated($"[green]forgotten: {result.SubjectId:D}[/] ({result.Subjects.Count} subject(s), {result.ForgottenAt:O})");
                return 0;
            }
            catch (Write.Domain.NotFoundException)
            {
                throw new CliException("No hay ninguna persona con ese id en la empresa.");
            }
        }, ct));
        return command;
    }

    private static async Task<Guid?> OwnerAsync(NpgsqlDataSource system, Guid tenantId, string email, CancellationToken ct)
    {
        await using var command = system.CreateCommand(
            "select user_id from users where tenant_id = $1 and email = $2 and role = 'owner' and status = 'active'");
        command.Parameters.Add(new() { Value = tenantId });
        command.Parameters.Add(new() { Value = Write.Identity.EmailAddresses.Normalize(email) });
        return await command.ExecuteScalarAsync(ct) as Guid?;
    }
}
