using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Platform.Api.Http;
using Platform.Read.Catalog.Search;
using Platform.Write.Catalog;

namespace Platform.Api.Public;

/// <summary>
/// POST /catalogo/{slug}/{id}/cotizar: the listing page's form, form-encoded, for browsers without
/// a script. Mistakes show the page again with the form filled in and each field's message;
/// success redirects (303) to a confirmation, so reloading it sends nothing twice.
/// </summary>
internal static class QuoteFormEndpoint
{
    public static RouteGroupBuilder MapQuoteForm(this RouteGroupBuilder pages)
    {
        // Read by hand rather than bound: form binding would demand antiforgery tokens, which a page
        // cached for every visitor cannot carry; the rate limit and the honeypot guard this form.
        pages.MapPost("/{id}/cotizar", Submit).Sends<RequestQuote>().RequireRateLimiting(QuoteRateLimit.Policy)
            .WithTags("Catalog pages")
            .Produces(StatusCodes.Status303SeeOther).Produces(StatusCodes.Status400BadRequest, contentType: "text/html")
            .Produces(StatusCodes.Status404NotFound, contentType: "text/html")
            .WithName("SubmitQuoteForm").WithSummary("The catalog page's quote form (application/x-www-form-urlencoded); answers HTML.");
        return pages;
    }

    private static async Task<IResult> Submit(
        string slug, Guid id, HttpRequest request, PublicTenants tenants, [FromServices] ICatalogSearch search,
        IValidator<RequestQuote> validator, IMediator mediator, IConfiguration configuration, CancellationToken ct)
    {
        if (!request.HasFormContentType)
            throw new BadHttpRequestException("Send the form as application/x-www-form-urlencoded.", StatusCodes.Status415UnsupportedMediaType);
        var form = await request.ReadFormAsync(ct);
        if (await tenants.FindAsync(slug, ct) is not { } tenant) return CatalogPageEndpoints.MissingCatalog();
        var thanks = $"{CatalogAddresses.Listing(tenant.Slug, id)}/gracias";
        // A bot is thanked like a person, so it learns nothing; nothing is stored.
        if (!string.IsNullOrEmpty(form[QuoteForm.Honeypot])) return new SeeOtherResult(thanks);
        if (await search.GetPublishedAsync(tenant.TenantId, id, ct) is not { } listing) return CatalogPageEndpoints.MissingListing(tenant);
        var command = new RequestQuote(tenant.TenantId, id, form["name"].ToString(), form["phone"].ToString(), form["email"].ToString(),
            form["message"].ToString(), form["consent"] == "true", QuoteSources.CatalogPage);

        var validation = await validator.ValidateAsync(command, ct);
        if (!validation.IsValid)
        {
            var errors = validation.Errors.GroupBy(e => e.PropertyName).ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToArray());
            var state = new QuoteFormState(command.Name, command.Phone, command.Email, command.Message, command.Consent, errors);
            var page = ListingPage.Render(new ListingView(tenant, listing, CatalogAddresses.Origin(request, configuration), state));
            return PageResults.Answer(page, StatusCodes.Status400BadRequest);
        }
        await mediator.Send(command, ct);
        return new SeeOtherResult(thanks);
    }

    private sealed class SeeOtherResult(string location) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            ArgumentNullException.ThrowIfNull(httpContext);
            httpContext.Response.StatusCode = StatusCodes.Status303SeeOther;
            httpContext.Response.Headers.Location = location;
            httpContext.Response.Headers.CacheControl = PageResults.NotStored;
            return Task.CompletedTask;
        }
    }
}
