using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Platform.Write.Customers.Import;

/// <summary>The first sheet of an XLSX workbook, read row by row (SAX), its first row the header.</summary>
internal sealed class XlsxFile : ITabularFile
{
    private readonly SpreadsheetDocument document;
    private readonly WorksheetPart sheet;
    private readonly List<string> sharedStrings = [];
    private readonly HashSet<uint> dateStyles = [];

    public XlsxFile(string path)
    {
        document = SpreadsheetDocument.Open(path, false);
        try
        {
            var workbook = document.WorkbookPart ?? throw new InvalidDataException("No workbook.");
            var first = workbook.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault() ?? throw new InvalidDataException("No sheet.");
            sheet = (WorksheetPart)workbook.GetPartById(first.Id!.Value!);
            if (workbook.SharedStringTablePart is { } strings)
                sharedStrings.AddRange(strings.SharedStringTable.Elements<SharedStringItem>().Select(i => i.InnerText));
            ReadDateStyles(workbook);
            Headers = [.. (ReadRows().FirstOrDefault() ?? throw new InvalidDataException("The sheet is empty.")).Select(h => h ?? "")];
        }
        catch
        {
            document.Dispose();
            throw;
        }
    }

    public IReadOnlyList<string> Headers { get; }

    public IEnumerable<string?[]> Rows() => ReadRows().Skip(1).Where(r => !r.All(string.IsNullOrWhiteSpace)).Select(r =>
    {
        var row = new string?[Headers.Count];
        Array.Copy(r, row, Math.Min(r.Length, row.Length));
        return row;
    });

    private IEnumerable<string?[]> ReadRows()
    {
        using var reader = OpenXmlReader.Create(sheet);
        while (reader.Read())
        {
            if (reader.ElementType != typeof(Row) || !reader.IsStartElement) continue;
            var row = (Row)reader.LoadCurrentElement()!;
            var cells = new List<string?>();
            foreach (var cell in row.Elements<Cell>())
            {
                var column = ColumnOf(cell.CellReference?.Value) ?? cells.Count;
                while (cells.Count < column) cells.Add(null);
                if (cells.Count == column) cells.Add(ValueOf(cell));
            }
            yield return [.. cells];
        }
    }

    private string? ValueOf(Cell cell)
    {
        var raw = cell.CellValue?.Text;
        if (cell.DataType?.Value == CellValues.SharedString)
            return int.TryParse(raw, CultureInfo.InvariantCulture, out var index) && index >= 0 && index < sharedStrings.Count ? sharedStrings[index] : null;
        if (cell.DataType?.Value == CellValues.InlineString) return cell.InlineString?.InnerText;
        if (cell.DataType?.Value == CellValues.Boolean) return raw == "1" ? "true" : "false";
        if (cell.StyleIndex?.Value is { } style && dateStyles.Contains(style)
            && double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) && serial is > 0 and < 2_958_466)
            return DateOnly.FromDateTime(DateTime.FromOADate(serial)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return raw;
    }

    /// <summary>"C7" is column 2; null when the reference is missing.</summary>
    private static int? ColumnOf(string? reference)
    {
        if (string.IsNullOrEmpty(reference)) return null;
        var column = 0;
        foreach (var c in reference.TakeWhile(char.IsAsciiLetter)) column = column * 26 + (char.ToUpperInvariant(c) - 'A' + 1);
        return column is > 0 and <= 16_384 ? column - 1 : null;
    }

    // Dates are numbers with a date format: the built-in ones (14-22, 45-47) or a custom one with d, m and y.
    private void ReadDateStyles(WorkbookPart workbook)
    {
        var stylesheet = workbook.WorkbookStylesPart?.Stylesheet;
        if (stylesheet?.CellFormats is null) return;
        var custom = stylesheet.NumberingFormats?.Elements<NumberingFormat>()
            .Where(f => f.NumberFormatId?.Value is not null && f.FormatCode?.Value is { } code
                && code.Contains('d', StringComparison.OrdinalIgnoreCase) && code.Contains('y', StringComparison.OrdinalIgnoreCase))
            .Select(f => f.NumberFormatId!.Value).ToHashSet() ?? [];
        uint index = 0;
        foreach (var format in stylesheet.CellFormats.Elements<CellFormat>())
        {
            var id = format.NumberFormatId?.Value ?? 0;
            if (id is >= 14 and <= 22 or >= 45 and <= 47 || custom.Contains(id)) dateStyles.Add(index);
            index++;
        }
    }

    public void Dispose() => document.Dispose();
}
