using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Api.Cli;
using Platform.Api.Tests.Auth;

namespace Platform.Api.Tests.Operators;

/// <summary>An operator made with the command-line tool (in process, password on stdin), and its sign-in.</summary>
internal static class PlatformOperators
{
    public const string Password = "operador-de-prueba-42";

    public static string NewEmail() => $"ops-{Guid.NewGuid():N}@example.test";

    public static async Task<string> AddAsync(string connectionString, string? email = null)
    {
        email ??= NewEmail();
        using var output = new StringWriter();
        using var input = new StringReader(Password + "\n");
        var exit = await PlatformCli.RunAsync(["operators", "add", email, "--connection", connectionString], output, input);
        exit.Should().Be(0, output.ToString());
        output.ToString().Should().Contain(email).And.NotContain(Password);
        return email;
    }

    public static async Task<int> RunAsync(string connectionString, TextWriter output, params string[] args) =>
        await PlatformCli.RunAsync([.. args, "--connection", connectionString], output);

    public static Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, string password = Password) =>
        client.PostAsJsonAsync(new Uri("/api/platform/auth/sign-in", UriKind.Relative), new { email, password });

    /// <summary>Signs in; fails the test unless the Api answers 200. Returns the whole token pair.</summary>
    public static async Task<JsonElement> TokensAsync(HttpClient client, string email)
    {
        using var response = await SignInAsync(client, email);
        var json = await TestAccounts.ReadJsonAsync(response);
        response.StatusCode.Should().Be(HttpStatusCode.OK, json.ToString());
        return json;
    }

    public static async Task<HttpStatusCode> StatusOfAsync(HttpClient client, string method, string path, object? body = null)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative));
        if (body is not null) request.Content = JsonContent.Create(body);
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }
}
