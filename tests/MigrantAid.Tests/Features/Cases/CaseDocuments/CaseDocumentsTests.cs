using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using MigrantAid.Tests.Support;
using MigrantAid.Web.Domain;
using MigrantAid.Web.Domain.Cases;
using MigrantAid.Web.Features.Cases.CaseDocuments;

namespace MigrantAid.Tests.Features.Cases.CaseDocuments;

public class CaseDocumentsTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Upload_and_download_roundtrip_with_sha256_and_audit()
    {
        var lawyer = await portal.CreateUserAsync("docs-roundtrip-lawyer@test.local", Roles.Lawyer);
        var office = await portal.Office().SaveAsync();
        var built = await new CaseBuilder(portal, office).AssignedTo(lead: lawyer.Id).SaveAsync();
        var client = await portal.SignedInClientAsync("docs-roundtrip-lawyer@test.local");
        var content = Pdf("Decision of the district court");
        const string name = "Решение суда №5.pdf";

        var response = await UploadAsync(client, built.Id, name, content);

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().Should().Be($"/cases/{built.Id}#documents");
        portal.TempDataOf(response)["Success"].Should().Be("The document was uploaded.");
        var stored = await portal.WithDbAsync(db => db.CaseDocuments.AsNoTracking().SingleAsync(d => d.CaseId == built.Id));
        stored.FileName.Should().Be(name);
        stored.ContentType.Should().Be("application/pdf");
        stored.Size.Should().Be(content.Length);
        stored.Sha256.Should().Be(Convert.ToHexStringLower(SHA256.HashData(content)));
        stored.UploadedBy.Should().Be(lawyer.Id);
        var timeline = await portal.WithDbAsync(db => db.CaseEvents.AsNoTracking().Where(e => e.CaseId == built.Id && e.Kind == CaseEventKind.DocumentAdded).ToListAsync());
        timeline.Should().ContainSingle().Which.Details.Should().Contain(stored.Id.ToString());
        (await portal.AuditAsync(CaseDocumentAuditActions.Uploaded)).Should().ContainSingle(a => a.EntityId == built.Id.ToString() && a.ActorId == lawyer.Id)
            .Which.Details.Should().Contain(stored.Sha256);

        var download = await client.GetAsync($"/cases/{built.Id}/documents/{stored.Id}");

        download.StatusCode.Should().Be(HttpStatusCode.OK);
        (await download.Content.ReadAsByteArrayAsync()).Should().Equal(content);
        download.Content.Headers.ContentType!.MediaType.Should().Be("application/pdf");
        var disposition = download.Content.Headers.ContentDisposition!;
        disposition.DispositionType.Should().Be("attachment");
        disposition.FileNameStar.Should().Be(name, "the original name, RFC 5987 encoded");
        download.Headers.GetValues("X-Content-Type-Options").Should().Equal("nosniff");
        download.Headers.CacheControl!.NoStore.Should().BeTrue();
        (await portal.AuditAsync(CaseDocumentAuditActions.Downloaded)).Should().ContainSingle(a => a.EntityId == built.Id.ToString() && a.ActorId == lawyer.Id)
            .Which.Details.Should().Contain(stored.Id.ToString());
    }

    [Fact]
    public async Task Office_documents_are_accepted_by_their_content()
    {
        var coordinator = await portal.CreateUserAsync("docs-office-coord@test.local", Roles.Coordinator);
        var office = await portal.Office().SaveAsync();
        var built = await new CaseBuilder(portal, office).SaveAsync();
        var client = await portal.SignedInClientAsync("docs-office-coord@test.local");

        (await UploadAsync(client, built.Id, "contract.docx", Package("word/document.xml"))).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await UploadAsync(client, built.Id, "scan", [0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3])).StatusCode.Should().Be(HttpStatusCode.Redirect);

        var stored = await portal.WithDbAsync(db => db.CaseDocuments.AsNoTracking().Where(d => d.CaseId == built.Id).OrderBy(d => d.FileName).ToListAsync());
        stored.Select(d => (d.FileName, d.ContentType)).Should().Equal(
            ("contract.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
            ("scan.jpg", "image/jpeg"));
        _ = coordinator;
    }

    [Fact]
    public async Task Upload_refuses_exe_renamed_pdf_and_oversize_and_empty()
    {
        await portal.CreateUserAsync("docs-refuse-coord@test.local", Roles.Coordinator);
        var office = await portal.Office().SaveAsync();
        var built = await new CaseBuilder(portal, office).SaveAsync();
        var client = await portal.SignedInClientAsync("docs-refuse-coord@test.local");
        var exe = new byte[512];
        "MZ"u8.CopyTo(exe);
        var oversize = new byte[CaseDocument.MaxBytes + 1];
        Pdf("big").CopyTo(oversize, 0);

        var cases = new (string Name, byte[] Content, string Message)[]
        {
            ("invoice.pdf", exe, "This type of file is not accepted. Upload a PDF, an image (PNG, JPEG, GIF, WebP, TIFF), or a Word, Excel or OpenDocument file."),
            ("letter.docx", Pdf("a PDF in disguise"), "The file's name does not match its content: its extension says another type."),
            ("archive.zip", Package("something/else.xml", contentTypes: false), "This type of file is not accepted. Upload a PDF, an image (PNG, JPEG, GIF, WebP, TIFF), or a Word, Excel or OpenDocument file."),
            ("empty.pdf", [], "The file is empty."),
        };
        foreach (var (name, content, message) in cases)
        {
            var response = await UploadAsync(client, built.Id, name, content);
            response.StatusCode.Should().Be(HttpStatusCode.Redirect, name);
            response.Headers.Location!.ToString().Should().Be($"/cases/{built.Id}#documents");
            portal.TempDataOf(response)["Error"].Should().Be(message, name);
        }

        var huge = await UploadAsync(client, built.Id, "huge.pdf", oversize);
        huge.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge, "a file over 20 MB within the request limit is refused like a larger request");
        await ShouldShowTooLargeOnTheFormAsync(huge, built.Id);

        var missing = await PostAsync(client, built.Id, new MultipartFormDataContent());
        missing.StatusCode.Should().Be(HttpStatusCode.Redirect);
        portal.TempDataOf(missing)["Error"].Should().Be("Choose a file to upload.");

        (await portal.WithDbAsync(db => db.CaseDocuments.CountAsync(d => d.CaseId == built.Id))).Should().Be(0, "nothing refused is stored");
        (await portal.WithDbAsync(db => db.CaseEvents.CountAsync(e => e.CaseId == built.Id && e.Kind == CaseEventKind.DocumentAdded))).Should().Be(0);
        (await portal.AuditAsync(CaseDocumentAuditActions.Uploaded)).Should().NotContain(a => a.EntityId == built.Id.ToString());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_21_MB_upload_answers_413_with_the_message_at_the_file_field_of_the_case_page(bool declaredLength)
    {
        var email = $"docs-413-{declaredLength}@test.local".ToLowerInvariant();
        await portal.CreateUserAsync(email, Roles.Coordinator);
        var office = await portal.Office().SaveAsync();
        var built = await new CaseBuilder(portal, office).SaveAsync();
        var client = await portal.SignedInClientAsync(email);
        var far = new byte[21 * 1024 * 1024];
        Pdf("far too big").CopyTo(far, 0);

        // Without a declared length the body is sent chunked, and only reading it finds it too large.
        var response = await UploadAsync(client, built.Id, "scan.pdf", far, declaredLength);

        response.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        await ShouldShowTooLargeOnTheFormAsync(response, built.Id);
        (await portal.WithDbAsync(db => db.CaseDocuments.CountAsync(d => d.CaseId == built.Id))).Should().Be(0);
    }

    private static async Task ShouldShowTooLargeOnTheFormAsync(HttpResponseMessage response, Guid caseId)
    {
        var page = HttpForms.Parse(await response.Content.ReadAsStringAsync());
        var form = page.QuerySelector("[data-testid=upload-form]");
        form.Should().NotBeNull("the case page is shown again, with its upload form");
        form!.GetAttribute("action").Should().Be($"/cases/{caseId}/documents");
        form.QuerySelector("[data-testid=document-error]")!.TextContent.Should().Be("The file is larger than 20 MB.");
        form.QuerySelector("[data-testid=document-file]")!.ClassList.Should().Contain("is-invalid");
    }

    [Fact]
    public async Task Download_by_user_who_cannot_see_case_is_404()
    {
        var lawyer = await portal.CreateUserAsync("docs-404-lawyer@test.local", Roles.Lawyer);
        await portal.CreateUserAsync("docs-404-other-lawyer@test.local", Roles.Lawyer);
        var caseworker = await portal.CreateUserAsync("docs-404-cw@test.local", Roles.Caseworker);
        await portal.CreateUserAsync("docs-404-admin@test.local", Roles.Admin);
        var office = await portal.Office().SaveAsync();
        var otherOffice = await portal.Office().SaveAsync();
        await StaffBuilder.PlaceAsync(portal, caseworker.Id, otherOffice.Id);
        var built = await new CaseBuilder(portal, office).WithClient("Ташкентова Малика").AssignedTo(lead: lawyer.Id).SaveAsync();
        var owner = await portal.SignedInClientAsync("docs-404-lawyer@test.local");
        await UploadAsync(owner, built.Id, "passport.png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0]);
        var document = await portal.WithDbAsync(db => db.CaseDocuments.AsNoTracking().SingleAsync(d => d.CaseId == built.Id));
        var downloadsBefore = (await portal.AuditAsync(CaseDocumentAuditActions.Downloaded)).Count;

        foreach (var email in new[] { "docs-404-other-lawyer@test.local", "docs-404-cw@test.local" })
        {
            var stranger = await portal.SignedInClientAsync(email);
            var response = await stranger.GetAsync($"/cases/{built.Id}/documents/{document.Id}");
            response.StatusCode.Should().Be(HttpStatusCode.NotFound, "{0} may not see the case", email);
            var body = await response.Content.ReadAsStringAsync();
            body.Should().NotContain("Ташкентова").And.NotContain("passport.png");
            (await UploadAsync(stranger, built.Id, "intrusion.pdf", Pdf("x"))).StatusCode.Should().Be(HttpStatusCode.NotFound, "{0} may not add to the case", email);
        }

        var admin = await portal.SignedInClientAsync("docs-404-admin@test.local");
        (await admin.GetAsync($"/cases/{built.Id}/documents/{document.Id}")).StatusCode.Should().Be(HttpStatusCode.Forbidden, "administrators hold no case role");
        (await owner.GetAsync($"/cases/{built.Id}/documents/{Guid.NewGuid()}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        var elsewhere = await new CaseBuilder(portal, office).AssignedTo(lead: lawyer.Id).SaveAsync();
        (await owner.GetAsync($"/cases/{elsewhere.Id}/documents/{document.Id}")).StatusCode.Should().Be(HttpStatusCode.NotFound, "a document is reached only through its own case");
        (await portal.AuditAsync(CaseDocumentAuditActions.Downloaded)).Should().HaveCount(downloadsBefore, "refused downloads hand out nothing");
        (await portal.WithDbAsync(db => db.CaseDocuments.CountAsync(d => d.CaseId == built.Id))).Should().Be(1);
    }

    private static byte[] Pdf(string text) => Encoding.ASCII.GetBytes("%PDF-1.7\n% " + text + "\n%%EOF\n");

    private static byte[] Package(string mainPart, bool contentTypes = true)
    {
        using var memory = new MemoryStream();
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        {
            if (contentTypes)
            {
                using var writer = new StreamWriter(zip.CreateEntry("[Content_Types].xml").Open());
                writer.Write("<Types/>");
            }

            using var part = new StreamWriter(zip.CreateEntry(mainPart).Open());
            part.Write("<document/>");
        }

        return memory.ToArray();
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, Guid caseId, string fileName, byte[] content, bool declaredLength = true)
    {
        var form = new MultipartFormDataContent();
        HttpContent file = declaredLength ? new ByteArrayContent(content) : new UnknownLengthContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "File", fileName);
        return await PostAsync(client, caseId, form);
    }

    /// <summary>Posts the upload form with an antiforgery token taken from a page (the layout's forms carry one).</summary>
    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, Guid caseId, MultipartFormDataContent form)
    {
        var page = await client.GetAsync("/profile");
        page.EnsureSuccessStatusCode();
        var token = HttpForms.Parse(await page.Content.ReadAsStringAsync())
            .QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        form.Add(new StringContent(token), "__RequestVerificationToken");
        return await client.PostAsync($"/cases/{caseId}/documents", form);
    }

    /// <summary>Content whose length is not known in advance, as a streaming client sends it (chunked).</summary>
    private sealed class UnknownLengthContent(byte[] content) : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context) => stream.WriteAsync(content).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
