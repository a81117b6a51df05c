using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MigrantAid.Tests.Support;
using MigrantAid.Web.Data.Encryption;
using MigrantAid.Web.Domain;
using MigrantAid.Web.Domain.Clients;
using Npgsql;
using static MigrantAid.Tests.Support.HttpForms;

namespace MigrantAid.Tests.Security;

/// <summary>
/// Issue 15: the intake accounts and wishes, the case notes, the clients' contacts and the documents' bytes are
/// ciphertext in PostgreSQL (a dump without the key-encryption key reveals none of them), while every page shows
/// them as typed. Read with SQL as the owner, as someone holding a copy of the database would.
/// </summary>
public class FieldEncryptionTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Raw_rows_hold_no_plaintext_of_what_the_pages_show()
    {
        var office = await portal.Office().SaveAsync();
        await portal.Staff("crypt-coordinator@test.local").WithRoles(Roles.Coordinator).SaveAsync();
        var built = await portal.Case(office).WithClient("Шифров Бахтиёр", null).OnBuildingSite()
            .WithAccount("ACCOUNT-SENTINEL: the foreman took our passports")
            .WithClientDetails(c => c.AddContact(ContactChannel.Phone, "+7 900 CONTACT-SENTINEL", true, "NOTE-SENTINEL: call after 18:00"))
            .SaveAsync();
        await portal.WithDbAsync(async db =>
        {
            var intake = await db.Intakes.SingleAsync(i => i.Id == built.IntakeId);
            intake.ClientWishes = "WISHES-SENTINEL: get the passports back";
            return await db.SaveChangesAsync();
        });
        var client = await portal.SignedInClientAsync("crypt-coordinator@test.local");
        await PostFormAsync(client, $"/cases/{built.Id}", $"/cases/{built.Id}/notes", [new("Note.Kind", "Call"), new("Note.Text", "CASENOTE-SENTINEL: the employer called")]);
        var pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n% DOCUMENT-SENTINEL\n%%EOF\n");
        Location(await UploadAsync(client, built.Id, "statement.pdf", pdf)).Should().Be($"/cases/{built.Id}#documents");

        var casePage = await (await client.GetAsync($"/cases/{built.Id}")).Content.ReadAsStringAsync();
        casePage.Should().Contain("ACCOUNT-SENTINEL").And.Contain("WISHES-SENTINEL").And.Contain("CASENOTE-SENTINEL");
        var clientPage = await (await client.GetAsync($"/clients/{built.ClientId}")).Content.ReadAsStringAsync();
        clientPage.Should().Contain("CONTACT-SENTINEL").And.Contain("NOTE-SENTINEL");
        var documentId = await portal.WithDbAsync(db => db.CaseDocuments.Where(d => d.CaseId == built.Id).Select(d => d.Id).SingleAsync());
        (await client.GetByteArrayAsync($"/cases/{built.Id}/documents/{documentId}")).Should().Equal(pdf);

        var stored = await RawAsync(
            $"SELECT account FROM intakes WHERE id = '{built.IntakeId}'",
            $"SELECT client_wishes FROM intakes WHERE id = '{built.IntakeId}'",
            $"SELECT text FROM case_events WHERE case_id = '{built.Id}' AND text IS NOT NULL",
            $"SELECT value FROM client_contacts WHERE client_id = '{built.ClientId}'",
            $"SELECT note FROM client_contacts WHERE client_id = '{built.ClientId}'",
            $"SELECT content FROM case_document_contents WHERE document_id = '{documentId}'");
        stored.Should().HaveCountGreaterThanOrEqualTo(6);
        foreach (var (query, value) in stored)
        {
            FieldCipher.IsEncrypted(value).Should().BeTrue("{0} should be stored encrypted", query);
            Encoding.UTF8.GetString(value).Should().NotContain("SENTINEL", "{0} must not reveal its text", query);
        }
    }

    [Fact]
    public async Task A_portal_given_another_key_encryption_key_stops_with_a_message_saying_so()
    {
        await portal.WithDbAsync(db => Task.FromResult(db.Cipher.EnsureLoaded()));
        var other = KeyEncryptionKey.Parse(KeyEncryptionKey.NewKeyFileText(), "the test");
        var cipher = new FieldCipher(() => other, () => portal.ConnectionString);

        var load = () => cipher.EnsureLoaded();

        load.Should().Throw<FieldKeyException>().WithMessage($"*wrapped with key-encryption key *, but the key from the test is {other.Fingerprint}*");
    }

    [Fact]
    public void A_value_copied_into_a_column_of_another_purpose_does_not_decrypt()
    {
        var cipher = portal.Services.GetRequiredService<FieldCipher>();
        var contact = cipher.EncryptText(FieldPurposes.ClientContacts, "+7 900 000 00 00");

        cipher.DecryptText(FieldPurposes.ClientContacts, contact).Should().Be("+7 900 000 00 00");
        var moved = () => cipher.DecryptText(FieldPurposes.IntakeNarrative, contact);
        moved.Should().Throw<FieldKeyException>();
    }

    [Fact]
    public async Task Values_stored_before_encryption_are_read_as_they_are_then_encrypted_by_encrypt_existing()
    {
        var office = await portal.Office().SaveAsync();
        var built = await portal.Case(office).WithClient("Старов Олим", null).OnBuildingSite()
            .WithClientDetails(c => c.AddContact(ContactChannel.Phone, "placeholder", true, null)).SaveAsync();
        await ExecuteAsOwnerAsync($"UPDATE client_contacts SET value = convert_to('+7 900 LEGACY', 'UTF8') WHERE client_id = '{built.ClientId}'");
        await ExecuteAsOwnerAsync($"UPDATE case_events SET text = convert_to('LEGACY NOTE', 'UTF8') WHERE id = (SELECT min(id) FROM case_events WHERE case_id = '{built.Id}')");

        (await ContactValueAsync(built.ClientId)).Should().Be("+7 900 LEGACY", "a value from before migration 0029 is plain UTF-8 and read as it is");
        (await FirstEventTextAsync(built.Id)).Should().Be("LEGACY NOTE");

        var encrypted = await FieldEncryptionBackfill.RunAsync(portal.Services.GetRequiredService<FieldCipher>(), portal.ConnectionString);

        encrypted.Should().BeGreaterThanOrEqualTo(1);
        var raw = (await RawAsync($"SELECT value FROM client_contacts WHERE client_id = '{built.ClientId}'")).Single().Value;
        FieldCipher.IsEncrypted(raw).Should().BeTrue();
        (await ContactValueAsync(built.ClientId)).Should().Be("+7 900 LEGACY");
        var note = (await RawAsync($"SELECT text FROM case_events WHERE id = (SELECT min(id) FROM case_events WHERE case_id = '{built.Id}')")).Single().Value;
        FieldCipher.IsEncrypted(note).Should().BeTrue("the timeline's texts (bigint keys) are encrypted too");
        (await FirstEventTextAsync(built.Id)).Should().Be("LEGACY NOTE");
        (await FieldEncryptionBackfill.RunAsync(portal.Services.GetRequiredService<FieldCipher>(), portal.ConnectionString))
            .Should().Be(0, "a second run finds nothing left to encrypt");
    }

    private Task<string?> FirstEventTextAsync(Guid caseId) =>
        portal.WithDbAsync(db => db.CaseEvents.AsNoTracking().Where(e => e.CaseId == caseId).OrderBy(e => e.Id).Select(e => e.Text).FirstAsync());

    private Task<string> ContactValueAsync(Guid clientId) =>
        portal.WithDbAsync(db => db.Set<ClientContact>().AsNoTracking().Where(c => c.ClientId == clientId).Select(c => c.Value).SingleAsync());

    private async Task<List<(string Query, byte[] Value)>> RawAsync(params string[] queries)
    {
        await using var connection = new NpgsqlConnection(portal.OwnerConnectionString);
        await connection.OpenAsync();
        var values = new List<(string, byte[])>();
        foreach (var query in queries)
        {
            await using var command = new NpgsqlCommand(query, connection);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                values.Add((query, (byte[])reader[0]));
            }
        }

        return values;
    }

    private async Task ExecuteAsOwnerAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(portal.OwnerConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, Guid caseId, string fileName, byte[] content)
    {
        var token = Parse(await (await client.GetAsync("/profile")).Content.ReadAsStringAsync())
            .QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "File", fileName);
        form.Add(new StringContent(token), "__RequestVerificationToken");
        return await client.PostAsync($"/cases/{caseId}/documents", form);
    }
}
