using System.Text.Json.Serialization;
using FluentValidation;
using FluentValidation.Results;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Platform.Write.Tenancy;

namespace Platform.Write.Customers.Import;

/// <summary>
/// Accepts an uploaded file (already on local disk) for import: checks it can be read and mapped, records
/// the import and queues it. <see cref="DryRun"/> reports what each row would do and changes nothing.
/// </summary>
[Authorize(Roles = "owner,admin")]
public sealed record StartCustomerImport(string FileName, string FileHash, IReadOnlyDictionary<string, string>? Mapping, bool DryRun)
    : IRequest<ImportAccepted>
{
    public const int MaxRows = 100_000;

    /// <summary>Where the upload is; not part of the request's identity (a retried upload lands elsewhere).</summary>
    [JsonIgnore]
    public string FilePath { get; init; } = "";

    [JsonIgnore]
    public string Format { get; init; } = "";
}

public sealed record ImportAccepted(Guid ImportId, string Status, int TotalRows, bool DryRun);

public sealed class StartCustomerImportHandler(CommandContext context, TenantDatabase database, CustomerImportQueue queue, TimeProvider time)
    : IRequestHandler<StartCustomerImport, ImportAccepted>
{
    public async Task<ImportAccepted> Handle(StartCustomerImport request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        int total;
        var job = new ImportJob(context.Tenant, Guid.CreateVersion7(), context.UserId, request.FilePath, request.Format, request.Mapping, request.DryRun,
            context.CorrelationId);
        await using var tx = await database.BeginAsync(context.Tenant, cancellationToken);
        using (var file = TabularFiles.Open(request.FilePath, request.Format))
        {
            ImportMapping.Resolve(file.Headers, request.Mapping, await CustomFieldValues.DefinitionsAsync(tx, cancellationToken));
            total = file.Rows().Take(StartCustomerImport.MaxRows + 1).Count();
        }
        if (total == 0) throw new ValidationException([new ValidationFailure("file", "El archivo no tiene filas de datos debajo de los encabezados.")]);
        if (total > StartCustomerImport.MaxRows)
            throw new ValidationException([new ValidationFailure("file", $"El archivo tiene más de {StartCustomerImport.MaxRows} filas; divídelo en partes.")]);
        await ImportRows.InsertAsync(tx, job, request.FileName, request.FileHash, total, time.GetUtcNow(), cancellationToken);
        await tx.CommitAsync(cancellationToken);
        queue.Enqueue(job);
        return new ImportAccepted(job.ImportId, ImportStatuses.Queued, total, request.DryRun);
    }
}
