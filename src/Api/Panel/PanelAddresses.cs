namespace Platform.Api.Panel;

internal static class PanelAddresses
{
    public const string SignIn = PanelCookies.Root + "/ingresar";
    public const string SignOut = PanelCookies.Root + "/salir";
    public const string Analytics = PanelCookies.Root + "/analitica";
}
