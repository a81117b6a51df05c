using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using MigrantAid.Web.Features.Shared.Forms;
using MigrantAid.Web.Security;

namespace MigrantAid.Tests.Features.Shared;

/// <summary>How the one controller helper answers each outcome of a form handler (no pipeline, no database).</summary>
public class FormResultsTests
{
    private const string Redirect = "/cases/42";
    private const string SavedMessage = "The case was saved.";

    private readonly FormController _controller = new();
    private readonly object _input = new();

    [Fact]
    public void Saved_redirects_with_the_success_message()
    {
        var result = _controller.FormResult(FormOutcome.Saved(), new FormErrors(), _input, Redirect, SavedMessage);

        result.Should().BeOfType<RedirectResult>().Which.Url.Should().Be(Redirect);
        _controller.TempData[FormResults.FlashKey].Should().Be(SavedMessage);
    }

    [Fact]
    public void Unchanged_redirects_saying_nothing_was_changed()
    {
        var result = _controller.FormResult(FormOutcome.Unchanged, new FormErrors(), _input, Redirect, SavedMessage);

        result.Should().BeOfType<RedirectResult>().Which.Url.Should().Be(Redirect);
        _controller.TempData[FormResults.FlashKey].Should().Be("Nothing was changed.");
    }

    [Fact]
    public void Not_found_is_404_and_forbidden_is_403()
    {
        _controller.FormResult(FormOutcome.NotFound, new FormErrors(), _input, Redirect, SavedMessage).Should().BeOfType<NotFoundResult>();
        _controller.FormResult(FormOutcome.Forbidden, new FormErrors(), _input, Redirect, SavedMessage).Should().BeOfType<ForbidResult>();
        _controller.FormResult(FormOutcome.Refused(CaseGateResult.Forbidden), new FormErrors(), _input, Redirect, SavedMessage).Should().BeOfType<ForbidResult>();
        _controller.FormResult(FormOutcome.Refused(CaseGateResult.NotFound), new FormErrors(), _input, Redirect, SavedMessage).Should().BeOfType<NotFoundResult>();
        _controller.TempData.Should().BeEmpty();
    }

    [Fact]
    public void Invalid_shows_the_form_again_with_the_handlers_messages_at_their_fields_and_the_typed_values()
    {
        _controller.ModelState.SetModelValue("Title", "typed title", "typed title");
        var errors = _controller.FormErrors();
        errors.Add("IsConfidential", "Only coordinators and the case's caseworker can change this.");

        var result = _controller.FormResult(FormOutcome.Invalid, errors, _input, Redirect, SavedMessage, view: "AddClient");

        var view = result.Should().BeOfType<ViewResult>().Subject;
        view.ViewName.Should().Be("AddClient");
        view.Model.Should().BeSameAs(_input);
        _controller.ModelState["IsConfidential"]!.Errors.Select(e => e.ErrorMessage).Should().Equal("Only coordinators and the case's caseworker can change this.");
        _controller.ModelState["Title"]!.AttemptedValue.Should().Be("typed title");
        _controller.TempData.Should().BeEmpty();
    }

    [Fact]
    public void Conflict_shows_the_form_with_the_message_and_the_stored_version_not_the_posted_one()
    {
        _controller.ModelState.SetModelValue("Version", "7", "7");
        _controller.ModelState.SetModelValue("Title", "typed title", "typed title");

        var result = _controller.FormResult(FormOutcome.Conflict("Someone else changed this case.", "Version"), _controller.FormErrors(), _input, Redirect, SavedMessage);

        result.Should().BeOfType<ViewResult>().Which.ViewName.Should().BeNull("the action's own view is shown again");
        _controller.ModelState[""]!.Errors.Select(e => e.ErrorMessage).Should().Equal("Someone else changed this case.");
        _controller.ModelState.ContainsKey("Version").Should().BeFalse("the hidden field must carry the stored version");
        _controller.ModelState["Title"]!.AttemptedValue.Should().Be("typed title", "the user's entries are kept");
    }

    [Fact]
    public async Task A_form_inside_another_page_renders_that_page_when_refused_and_not_when_saved()
    {
        var shown = 0;
        Task<IActionResult> Again()
        {
            shown++;
            return Task.FromResult<IActionResult>(new ViewResult { ViewName = "Show" });
        }

        var errors = new FormErrors();
        errors.Add("Note.Text", "Write the note.");
        var refused = await _controller.FormResultAsync(FormOutcome.Invalid, errors, Again, Redirect, "The note was added.");
        var saved = await _controller.FormResultAsync(FormOutcome.Saved(), new FormErrors(), Again, Redirect, "The note was added.");

        refused.Should().BeOfType<ViewResult>().Which.ViewName.Should().Be("Show");
        _controller.ModelState["Note.Text"]!.Errors.Should().ContainSingle();
        saved.Should().BeOfType<RedirectResult>();
        shown.Should().Be(1);
    }

    private sealed class FormController : Controller
    {
        public FormController() => TempData = new TempDataDictionary(new DefaultHttpContext(), new NoTempDataStore());
    }

    private sealed class NoTempDataStore : ITempDataProvider
    {
        public IDictionary<string, object> LoadTempData(HttpContext context) => new Dictionary<string, object>();

        public void SaveTempData(HttpContext context, IDictionary<string, object> values)
        {
        }
    }
}
