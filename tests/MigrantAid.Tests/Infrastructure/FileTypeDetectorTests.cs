using System.IO.Compression;
using System.Text;
using MigrantAid.Web.Infrastructure;

namespace MigrantAid.Tests.Infrastructure;

public class FileTypeDetectorTests
{
    public static TheoryData<string, byte[], string> Accepted => new()
    {
        { "letter.pdf", Bytes("%PDF-1.4\n%âãÏÓ\n"), "application/pdf" },
        { "photo.png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13], "image/png" },
        { "photo.JPG", [0xFF, 0xD8, 0xFF, 0xE1, 0, 0], "image/jpeg" },
        { "photo.jpeg", [0xFF, 0xD8, 0xFF, 0xDB, 0, 0], "image/jpeg" },
        { "animation.gif", Bytes("GIF89a\x01\x00"), "image/gif" },
        { "old.gif", Bytes("GIF87a\x01\x00"), "image/gif" },
        { "picture.webp", Bytes("RIFF\x10\x00\x00\x00WEBPVP8 "), "image/webp" },
        { "scan.tif", [0x49, 0x49, 0x2A, 0x00, 8, 0, 0, 0], "image/tiff" },
        { "scan.tiff", [0x4D, 0x4D, 0x00, 0x2A, 0, 0, 0, 8], "image/tiff" },
        { "contract.docx", OfficePackage("word/document.xml"), "application/vnd.openxmlformats-officedocument.wordprocessingml.document" },
        { "wages.xlsx", OfficePackage("xl/workbook.xml"), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
        { "slides.pptx", OfficePackage("ppt/presentation.xml"), "application/vnd.openxmlformats-officedocument.presentationml.presentation" },
        { "statement.odt", OpenDocument("application/vnd.oasis.opendocument.text"), "application/vnd.oasis.opendocument.text" },
        { "table.ods", OpenDocument("application/vnd.oasis.opendocument.spreadsheet"), "application/vnd.oasis.opendocument.spreadsheet" },
        { "talk.odp", OpenDocument("application/vnd.oasis.opendocument.presentation"), "application/vnd.oasis.opendocument.presentation" },
        { "old-letter.doc", CompoundFile(), "application/msword" },
        { "old-table.xls", CompoundFile(), "application/vnd.ms-excel" },
    };

    public static TheoryData<string, byte[]> Refused => new()
    {
        { "setup.pdf", Executable() },
        { "setup.exe", Executable() },
        { "script.pdf", Bytes("#!/bin/sh\nrm -rf /\n") },
        { "page.pdf", Bytes("<html><script>alert(1)</script></html>") },
        { "image.svg", Bytes("<svg xmlns=\"http://www.w3.org/2000/svg\"><script/></svg>") },
        { "notes.txt", Bytes("just text") },
        { "archive.zip", Zip(("readme.txt", "hello")) },
        { "fake.docx", Zip(("[Content_Types].xml", "<Types/>"), ("other/part.xml", "<x/>")) },
        { "fake.odt", Zip(("mimetype", "application/x-something-else")) },
        { "broken.docx", [0x50, 0x4B, 0x03, 0x04, 1, 2, 3, 4, 5] },
        { "short.webp", Bytes("RIFF\x10\x00") },
        { "riff.webp", Bytes("RIFF\x10\x00\x00\x00WAVEfmt ") },
        { "almost.pdf", Bytes("%PD") },
        { "empty.pdf", [] },
    };

    [Theory]
    [MemberData(nameof(Accepted))]
    public void Accepted_types_are_recognised_by_their_content(string fileName, byte[] content, string contentType)
    {
        var type = FileTypeDetector.Detect(content, fileName);

        type.Should().NotBeNull(fileName);
        type!.ContentType.Should().Be(contentType);
        type.AllowsName(fileName).Should().BeTrue("{0} agrees with its content", fileName);
    }

    [Theory]
    [MemberData(nameof(Refused))]
    public void Other_content_is_not_recognised_whatever_its_name(string fileName, byte[] content) =>
        FileTypeDetector.Detect(content, fileName).Should().BeNull(fileName);

    [Theory]
    [InlineData("letter.docx")]
    [InlineData("letter.png")]
    [InlineData("letter.exe")]
    [InlineData("letter.pdf.exe")]
    public void A_pdf_whose_name_says_another_type_contradicts_its_content(string fileName)
    {
        var type = FileTypeDetector.Detect(Bytes("%PDF-1.7\n"), fileName);

        type.Should().Be(FileTypeDetector.Pdf);
        type!.AllowsName(fileName).Should().BeFalse();
    }

    [Fact]
    public void A_docx_named_xlsx_and_a_compound_file_named_pdf_contradict_their_content()
    {
        FileTypeDetector.Detect(OfficePackage("word/document.xml"), "table.xlsx")!.AllowsName("table.xlsx").Should().BeFalse();
        FileTypeDetector.Detect(CompoundFile(), "scan.pdf")!.AllowsName("scan.pdf").Should().BeFalse();
    }

    [Fact]
    public void A_name_without_extension_agrees_with_any_content() =>
        FileTypeDetector.Detect(Bytes("%PDF-1.7"), "scan")!.AllowsName("scan").Should().BeTrue();

    private static byte[] Bytes(string text) => Encoding.Latin1.GetBytes(text);

    private static byte[] Executable()
    {
        var exe = new byte[256];
        "MZ"u8.CopyTo(exe);
        "PE\0\0"u8.CopyTo(exe.AsSpan(128));
        return exe;
    }

    private static byte[] CompoundFile()
    {
        var file = new byte[1024];
        new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 }.CopyTo(file, 0);
        return file;
    }

    private static byte[] OfficePackage(string mainPart) =>
        Zip(("[Content_Types].xml", "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"), (mainPart, "<x/>"));

    private static byte[] OpenDocument(string mimetype) => Zip(("mimetype", mimetype), ("content.xml", "<office:document-content/>"));

    private static byte[] Zip(params (string Name, string Text)[] entries)
    {
        using var memory = new MemoryStream();
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, text) in entries)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open());
                writer.Write(text);
            }
        }

        return memory.ToArray();
    }
}
