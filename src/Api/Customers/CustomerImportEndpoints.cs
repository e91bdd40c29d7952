using System.Security.Cryptography;
using System.Text.Json;
using FluentValidation;
using FluentValidation.Results;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Platform.Api.Http;
using Platform.Read.Customers;
using Platform.Read.Paging;
using Platform.Write.Customers.Import;
using Platform.Write.Domain;
using Platform.Write.Tenancy;

namespace Platform.Api.Customers;

/// <summary>/api/customers/imports: CSV or XLSX files of customers, mapped, deduplicated, dry-run or real, run in the background.</summary>
internal static class CustomerImportEndpoints
{
    public const long MaxFileBytes = 25 * 1024 * 1024;

    public static RouteGroupBuilder MapCustomerImportEndpoints(this RouteGroupBuilder customers)
    {
        customers.MapPost("/imports", Start).Sends<StartCustomerImport>().DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(MaxFileBytes)).Accepts<IFormFile>("multipart/form-data").ProducesProblem(413)
            .WithName("StartCustomerImport")
            .WithSummary("multipart/form-data: file (.csv or .xlsx), mapping (JSON {\"column\": \"name|phone|email|address|notes|fields.key|ignore\"}, optional), dryRun. Answers 202; follow Location.");
        customers.MapGet("/imports/{id}", Status).Sends<GetCustomerImport>().ProducesProblem(404)
            .WithName("GetCustomerImport").WithSummary("Status and progress of an import: rows processed of total, counts of new, merged, skipped and invalid.");
        customers.MapGet("/imports/{id}/rows", Rows).Sends<ListImportRows>().ProducesProblem(404)
            .WithName("ListCustomerImportRows").WithSummary("What became of each row (new, merged, skipped, invalid) and why; filter by outcome; keyset-paginated.");
        return customers;
    }

    private static async Task<Accepted<ImportAccepted>> Start(HttpRequest request, IMediator mediator, CancellationToken ct)
    {
        if (!request.HasFormContentType) throw Invalid("file", "Envía el archivo como multipart/form-data en el campo file.");
        var form = await request.ReadFormAsync(ct);
        var file = form.Files.GetFile("file") ?? throw Invalid("file", "Falta el archivo (campo file, .csv o .xlsx).");
        var mapping = ReadMapping(form["mapping"].ToString());
        var flag = form["dryRun"].ToString();
        var dryRun = flag.Length > 0 && (bool.TryParse(flag, out var parsed) ? parsed : throw Invalid("dryRun", "Debe ser true o false."));

        Directory.CreateDirectory(CustomerImportQueue.Folder);
        var path = Path.Combine(CustomerImportQueue.Folder, $"{Guid.CreateVersion7():N}");
        string hash;
        byte[] start = new byte[4];
        await using (var source = file.OpenReadStream())
        await using (var target = File.Create(path))
        {
            using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var buffer = new byte[81920];
            int read, total = 0;
            while ((read = await source.ReadAsync(buffer, ct)) > 0)
            {
                if (total < start.Length) Array.Copy(buffer, 0, start, total, Math.Min(read, start.Length - total));
                total += read;
                sha.AppendData(buffer, 0, read);
                await target.WriteAsync(buffer.AsMemory(0, read), ct);
            }
            hash = Convert.ToHexStringLower(sha.GetHashAndReset());
        }
        try
        {
            var format = TabularFiles.FormatOf(file.FileName, start) ?? throw Invalid("file", "Debe ser un archivo .csv o .xlsx.");
            var accepted = await mediator.Send(new StartCustomerImport(Path.GetFileName(file.FileName), hash, mapping, dryRun) { FilePath = path, Format = format }, ct);
            return TypedResults.Accepted($"/api/customers/imports/{accepted.ImportId:D}", accepted);
        }
        catch
        {
            File.Delete(path);
            throw;
        }
    }

    private static Dictionary<string, string>? ReadMapping(string json)
    {
        if (string.IsNullOrWhiteSpace(json)) return null;
        try
        {
            var mapping = JsonSerializer.Deserialize<Dictionary<string, string>>(json);
            return mapping is { Count: <= 200 } && mapping.All(m => m.Key.Length <= 200 && m.Value?.Length <= 200) ? mapping : throw Invalid("mapping", "Hasta 200 columnas.");
        }
        catch (JsonException)
        {
            throw Invalid("mapping", "Debe ser un objeto JSON {\"columna\": \"name|phone|email|address|notes|fields.clave|ignore\"}.");
        }
    }

    private static async Task<Ok<CustomerImportStatus>> Status(Guid id, CommandContext context, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new GetCustomerImport(context.Tenant, id), ct) ?? throw new NotFoundException("la importación"));

    private static async Task<Ok<Page<ImportRowOutcome>>> Rows(
        Guid id, string? outcome, int? limit, string? cursor, CommandContext context, IMediator mediator, CancellationToken ct)
    {
        var page = PageRequest.Of(limit, cursor);
        if (!page.TryReadCursor<int>(out _)) throw Invalid("cursor", "No es un cursor de esta lista; usa el nextCursor recibido.");
        if (outcome is not null && !ImportOutcomes.All.Contains(outcome)) throw Invalid("outcome", "Debe ser new, merged, skipped o invalid.");
        return TypedResults.Ok(await mediator.Send(new ListImportRows(context.Tenant, id, outcome, page), ct) ?? throw new NotFoundException("la importación"));
    }

    private static ValidationException Invalid(string field, string message) => new([new ValidationFailure(field, message)]);
}
