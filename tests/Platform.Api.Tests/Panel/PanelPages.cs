using System.Globalization;
using Microsoft.Playwright;
using Platform.Api.Tests.Auth;

namespace Platform.Api.Tests.Panel;

/// <summary>What the browser tests do on the staff pages: sign in through the form, read the charts' data marks.</summary>
internal static class PanelPages
{
    public static async Task SignInAsync(IPage page, TestAccount account)
    {
        await page.GotoAsync("/panel/ingresar");
        await page.GetByLabel("Correo electrónico").FillAsync(account.Email);
        await page.GetByLabel("Contraseña").FillAsync(account.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Ingresar" }).ClickAsync();
        await page.WaitForURLAsync("**/panel/analitica");
    }

    /// <summary>Every data mark of the page as "svg id|series|key" -> data-value.</summary>
    public static async Task<Dictionary<string, string>> MarksAsync(IPage page) =>
        (await page.Locator("svg .mark").EvaluateAllAsync<string[]>(
            "marks => marks.map(m => [m.closest('svg').id, m.dataset.series, m.dataset.key, m.dataset.value].join('|'))"))
        .Select(m => m.Split('|')).ToDictionary(p => $"{p[0]}|{p[1]}|{p[2]}", p => p[3]);

    public static decimal Number(string value) => decimal.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture);
}
