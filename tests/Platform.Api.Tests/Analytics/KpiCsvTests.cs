using Platform.Api.Analytics.Export;

namespace Platform.Api.Tests.Analytics;

public sealed class KpiCsvTests
{
    [Theory]
    [InlineData("=1+2", "'=1+2")]
    [InlineData("+57 300", "'+57 300")]
    [InlineData("-cmd", "'-cmd")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tx", "'\tx")]
    [InlineData("\rx", "\"'\rx\"")]
    [InlineData("Precio, alto", "\"Precio, alto\"")]
    [InlineData("dijo \"no\"", "\"dijo \"\"no\"\"\"")]
    [InlineData("línea\nnueva", "\"línea\nnueva\"")]
    [InlineData("Referido", "Referido")]
    public void Text_cells_are_quoted_by_rfc_4180_and_formulas_neutralized(string value, string cell) =>
        KpiCsv.Field(value).Should().Be(cell);

    [Fact]
    public void Numbers_are_written_as_json_spells_them_even_when_negative()
    {
        var bytes = KpiCsv.Write([new KpiCell("summary", "", "delta", "-12.5", true), new KpiCell("summary", "", "note", "-12.5", false)]);
        System.Text.Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Should().Be("section,item,field,value\r\nsummary,,delta,-12.5\r\nsummary,,note,'-12.5\r\n");
    }
}
