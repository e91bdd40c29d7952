using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Platform.Api.Tests.Customers;

/// <summary>Small XLSX workbooks written with OpenXml, as a spreadsheet program saves them (inline strings).</summary>
internal static class XlsxSamples
{
    public static byte[] Workbook(string[] headers, string[][] rows)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var sheet = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            foreach (var values in new[] { headers }.Concat(rows))
            {
                var row = new Row();
                foreach (var value in values)
                    row.Append(new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(value)) });
                data.Append(row);
            }
            sheet.Worksheet = new Worksheet(data);
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheet), SheetId = 1, Name = "Clientes" }));
        }
        return stream.ToArray();
    }
}
