using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Api.Http;
using Platform.Write.Privacy;

namespace Platform.Api.Audit;

/// <summary>/api/audit/subjects/{id}/forget: the owner erases a person by destroying their key.</summary>
internal static class ForgetEndpoints
{
    /// <summary>Why the person is forgotten (a request, a law); never who they are.</summary>
    internal sealed record ForgetSubjectBody(string? Reason);

    public static IEndpointRouteBuilder MapForgetEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/audit/subjects").WithTags("Audit")
            .MapPost("/{id}/forget", Forget).Sends<ForgetSubject>()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("ForgetSubject")
            .WithSummary("Erases a person's personal data (and that of the subjects linked to it) from every event, projection and rebuild.");
        return app;
    }

    private static async Task<Ok<ForgottenSubjects>> Forget(Guid id, ForgetSubjectBody body, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ForgetSubject(id, body.Reason ?? ""), ct));
}
