using System.Security.Cryptography;
using System.Text.Json;
using MediatR;
using Platform.Write.Domain;
using Platform.Write.Tenancy;

namespace Platform.Api.Pipeline;

/// <summary>Innermost: with an Idempotency-Key, a retried POST returns the first result instead of running again.</summary>
public sealed class IdempotencyBehavior<TRequest, TResponse>(CommandContext context, IdempotencyStore store)
    : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        ArgumentNullException.ThrowIfNull(next);
        if (context.IdempotencyKey is null || !context.IsSignedIn || RequestAccess.Of(typeof(TRequest)).Anonymous) return await next();

        var key = new IdempotencyKey(context.Tenant, context.User, context.IdempotencyKey);
        var hash = SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(request, JsonSerializerOptions.Web));
        var claim = await store.ClaimAsync(key, typeof(TRequest).Name, hash, cancellationToken);
        switch (claim.Outcome)
        {
            case IdempotencyOutcome.Completed:
                return JsonSerializer.Deserialize<TResponse>(claim.ResponseJson ?? "null", JsonSerializerOptions.Web)!;
            case IdempotencyOutcome.InProgress:
                throw new ConflictException("request-in-progress", "Una solicitud con esta Idempotency-Key todavía se está procesando.");
            case IdempotencyOutcome.Mismatch:
                throw new DomainException("idempotency-key-reused", "La Idempotency-Key ya se usó para otra solicitud.");
        }

        TResponse response;
        try
        {
            response = await next();
        }
        catch
        {
            await store.ReleaseAsync(key, CancellationToken.None);
            throw;
        }
        await store.CompleteAsync(key, IdempotencyStore.Serialize(response), CancellationToken.None);
        return response;
    }
}
