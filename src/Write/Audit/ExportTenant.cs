using MediatR;
using Microsoft.AspNetCore.Authorization;
using Npgsql;
using Platform.Write.Privacy;
using Platform.Write.Tenancy;

namespace Platform.Write.Audit;

/// <summary>The caller's tenant's whole history as a portable zip (see <see cref="TenantExport"/>), written to a temporary file.</summary>
[Authorize(Roles = AuditRoles.Readers)]
public sealed record ExportTenant : IRequest<ExportedTenant>;

/// <summary>The export's file, deleted when <see cref="File"/> is closed.</summary>
public sealed record ExportedTenant(ExportManifest Manifest, Stream File);

public sealed class ExportTenantHandler(CommandContext context, NpgsqlDataSource system, TimeProvider time, ISubjectKeyWrapper keys) : IRequestHandler<ExportTenant, ExportedTenant>
{
    public async Task<ExportedTenant> Handle(ExportTenant request, CancellationToken cancellationToken)
    {
        // The system connection, for the tenant of the principal only: an export reads the store's
        // fence and its own sealed links, exactly as the command-line export does.
        var file = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        try
        {
            var manifest = await TenantExport.ExportAsync(system, context.Tenant, file, time, keys, ct: cancellationToken);
            file.Position = 0;
            return new ExportedTenant(manifest, file);
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
    }
}
