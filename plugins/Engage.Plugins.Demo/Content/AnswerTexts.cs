namespace Engage.Plugins.Demo.Content;

/// <summary>
/// What the library answers, by the tone of what it answers, and what people say back. The answer is
/// written in the language of the message it answers.
/// </summary>
internal static class AnswerTexts
{
    private const Tone P = Tone.Positive;
    private const Tone N = Tone.Neutral;
    private const Tone X = Tone.Negative;

    /// <summary>Public answers to comments and mentions.</summary>
    public static TextTable Public { get; } = new(
    [
        new("en", P, "Thank you so much! We're glad you enjoyed it 💙"),
        new("en", P, "That means a lot to the team, thank you! 😊"),
        new("en", N, "Hi! It starts at 10:30 and there's no need to register. See you there!"),
        new("en", N, "Good question! All the details are on our website, and the information desk is happy to help."),
        new("en", X, "We're really sorry about this. Could you send us a direct message with the details so we can sort it out?"),
        new("en", X, "Sorry for the trouble! Our IT team is on it and we'll post an update as soon as it's fixed."),
        new("fr", P, "Merci beaucoup ! Ravis que cela vous plaise 💙"),
        new("fr", N, "Bonjour ! Tous les détails sont sur notre site, et l'accueil peut vous renseigner."),
        new("fr", X, "Toutes nos excuses. Pouvez-vous nous écrire en message privé pour que nous puissions régler cela ?"),
        new("de", P, "Vielen Dank! Das freut uns sehr 💙"),
        new("de", N, "Hallo! Alle Details finden Sie auf unserer Website, und die Information hilft gern weiter."),
        new("de", X, "Das tut uns sehr leid. Schreiben Sie uns bitte eine Direktnachricht, damit wir uns darum kümmern können."),
        new("es", P, "¡Muchas gracias! Nos alegra que te guste 💙"),
        new("es", N, "¡Hola! Todos los detalles están en nuestra web y en el mostrador de información te ayudamos."),
        new("es", X, "Lo sentimos mucho. ¿Nos escribes por mensaje privado para que podamos resolverlo?"),
        new("fa", P, "خیلی ممنون! خوشحالیم که لذت بردید 💙"),
        new("fa", N, "سلام! جزئیات در وب‌سایت ما هست و میز اطلاعات هم کمکتان می‌کند."),
        new("fa", X, "واقعاً متأسفیم! لطفاً جزئیات را در پیام خصوصی برای ما بفرستید تا پیگیری کنیم."),
        new("he", P, "תודה רבה! שמחים שנהניתם 💙"),
        new("he", N, "היי! כל הפרטים נמצאים באתר שלנו, ודלפק המידע ישמח לעזור."),
        new("he", X, "מצטערים מאוד! שלחו לנו הודעה פרטית עם הפרטים ונטפל בזה."),
    ]);

    /// <summary>Private answers to direct messages.</summary>
    public static TextTable Private { get; } = new(
    [
        new("en", P, "Thank you for the kind words, we'll pass them on to the team! 😊"),
        new("en", N, "Hi! Yes, you can renew it online or at any desk, even when it's overdue. Anything else we can do?"),
        new("en", N, "Hello! Study rooms can be booked on our website up to a week ahead. Have a good day!"),
        new("en", X, "We're sorry about that. I've checked your account and removed the fee; it will disappear within a day."),
        new("en", X, "Sorry for the trouble. I've reset your PIN: the new one is on its way by email."),
        new("fr", P, "Merci pour ce gentil message, nous le transmettons à l'équipe ! 😊"),
        new("fr", N, "Bonjour ! Oui, vous pouvez le prolonger en ligne ou à l'accueil."),
        new("fr", X, "Toutes nos excuses : nous avons annulé la pénalité sur votre compte."),
        new("de", P, "Vielen Dank für die netten Worte, wir geben sie an das Team weiter! 😊"),
        new("de", N, "Hallo! Ja, Sie können es online oder an jeder Theke verlängern."),
        new("de", X, "Das tut uns leid. Wir haben die Gebühr von Ihrem Konto entfernt."),
        new("es", P, "¡Gracias por tus palabras, se las pasamos al equipo! 😊"),
        new("es", N, "¡Hola! Sí, puedes renovarlo en línea o en cualquier mostrador."),
        new("es", X, "Lo sentimos. Ya eliminamos la multa de tu cuenta."),
        new("fa", P, "ممنون از پیام مهربان شما، حتماً به همکاران می‌رسانیم! 😊"),
        new("fa", N, "سلام! با کارت شناسایی به میز امانت بیایید، کارت در چند دقیقه صادر می‌شود."),
        new("fa", X, "پوزش می‌خواهیم. جریمه از حساب شما حذف شد."),
        new("he", P, "תודה על המילים החמות, נעביר אותן לצוות! 😊"),
        new("he", N, "שלום! אפשר להגיע עם תעודה מזהה לדלפק ההשאלה, והכרטיס מונפק תוך כמה דקות."),
        new("he", X, "מתנצלים. הקנס הוסר מהחשבון שלך."),
    ]);

    /// <summary>What people answer after the library replied: relief, or not yet.</summary>
    public static TextTable FollowUps { get; } = new(
    [
        new("en", P, "Thanks for the quick answer! 🙌"),
        new("en", P, "Perfect, thank you! Problem solved 😊"),
        new("en", X, "Still not fixed, to be honest."),
        new("fr", P, "Merci pour la réponse rapide !"),
        new("fr", X, "Toujours pas réglé, malheureusement."),
        new("de", P, "Danke für die schnelle Antwort!"),
        new("de", X, "Leider immer noch nicht behoben."),
        new("es", P, "¡Gracias por la respuesta rápida!"),
        new("es", X, "Sigue sin funcionar, la verdad."),
        new("fa", P, "ممنون از پاسخ سریع!"),
        new("fa", X, "هنوز درست نشده است."),
        new("he", P, "תודה על התשובה המהירה!"),
        new("he", X, "עדיין לא תוקן, למען האמת."),
    ]);
}
