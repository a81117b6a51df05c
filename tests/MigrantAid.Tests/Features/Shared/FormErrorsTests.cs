using Microsoft.AspNetCore.Mvc.ModelBinding;
using MigrantAid.Web.Features.Shared.Forms;

namespace MigrantAid.Tests.Features.Shared;

public class FormErrorsTests
{
    [Fact]
    public void A_form_nobody_refused_is_valid()
    {
        var errors = new FormErrors();

        errors.IsValid.Should().BeTrue();
        errors.InputWasValid.Should().BeTrue();
        errors.Has("Title").Should().BeFalse();
        errors.Added.Should().BeEmpty();
    }

    [Fact]
    public void What_binding_refused_makes_the_form_invalid_and_is_known_by_field()
    {
        var errors = new FormErrors(inputWasValid: false, refusedFields: ["DueOn"]);

        errors.IsValid.Should().BeFalse();
        errors.Has("DueOn").Should().BeTrue();
        errors.Has("Title").Should().BeFalse();
        errors.Added.Should().BeEmpty("binding's own messages are in ModelState already and must not be shown twice");
    }

    [Fact]
    public void A_handler_message_makes_the_form_invalid_and_is_kept_in_order_by_field()
    {
        var errors = new FormErrors();

        errors.Add("Title", "Enter a short title.");
        errors.Add("Title", "Too long.");
        errors.AddToForm("Someone else changed this case.");

        errors.IsValid.Should().BeFalse();
        errors.InputWasValid.Should().BeTrue("the handler's rules came after binding");
        errors.Has("Title").Should().BeTrue();
        errors.Added["Title"].Should().Equal("Enter a short title.", "Too long.");
        errors.Added[""].Should().Equal("Someone else changed this case.");
    }

    [Fact]
    public void Errors_read_from_ModelState_know_the_refused_fields_and_the_verdict()
    {
        var modelState = new ModelStateDictionary();
        modelState.SetModelValue("Title", "x", "x");
        modelState.MarkFieldValid("Title");
        modelState.AddModelError("Note.Text", "Write the note.");

        var errors = FormResults.ReadErrors(modelState);

        errors.InputWasValid.Should().BeFalse();
        errors.Has("Note.Text").Should().BeTrue();
        errors.Has("Title").Should().BeFalse();
    }

    [Fact]
    public void A_valid_ModelState_gives_valid_errors()
    {
        var modelState = new ModelStateDictionary();
        modelState.SetModelValue("Title", "x", "x");
        modelState.MarkFieldValid("Title");

        FormResults.ReadErrors(modelState).IsValid.Should().BeTrue();
    }
}
