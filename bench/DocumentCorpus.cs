using System.Text;

namespace NetworkHub.Bench;

/// <summary>
/// Documents as a network writes them, in English, Spanish, French and Arabic (accents, ligatures, right-to-left
/// script): titles, tags and a few kilobytes of text made of phrases of each language, so that common words match
/// thousands of rows and rare ones a handful. Seeded, so every run indexes the same text.
/// </summary>
internal static class DocumentCorpus
{
    public sealed record Language(string Code, string[] Titles, string[] Tags, string[] Phrases);

    public static readonly Language[] Languages =
    [
        new("en",
            ["National action plan on women, peace and security", "Land rights consultation report", "Annual report of the coalition",
             "Guidelines for the protection of human rights defenders", "Minutes of the working group on transitional justice",
             "Draft policy brief on climate displacement", "Strategy for community mediation"],
            ["peacebuilding", "land rights", "gender", "protection", "climate", "justice", "youth", "annual report"],
            ["The working group reviewed the draft chapter on participation of women in local peace committees.",
             "Member organisations asked for clearer commitments on the restitution of land to displaced families.",
             "Defenders at risk need rapid response funds, safe relocation and legal assistance.",
             "The coalition will monitor implementation through quarterly reports to the steering committee.",
             "Consultations were held in twelve districts with community leaders, youth groups and local authorities.",
             "Transitional justice mechanisms must guarantee truth, reparation and non-repetition.",
             "Climate-related displacement is expected to grow in the coastal regions over the next decade."]),
        new("es",
            ["Plan nacional de acción sobre mujeres, paz y seguridad", "Informe de la consulta sobre derechos territoriales",
             "Diagnóstico de la participación ciudadana", "Protocolo de protección para defensoras y defensores",
             "Relatoría del encuentro regional de educación para la paz", "Estrategia de reconciliación comunitaria"],
            ["construcción de paz", "derechos humanos", "educación", "género", "restitución de tierras", "participación"],
            ["Las organizaciones participantes señalaron la necesidad de una educación para la paz en las escuelas rurales.",
             "La restitución de tierras a las comunidades campesinas sigue siendo la demanda más urgente.",
             "Se acordó fortalecer la protección colectiva de las defensoras de derechos humanos en la región andina.",
             "La comisión de verificación presentará su informe en la próxima sesión plenaria.",
             "Los jóvenes pidieron espacios de participación reales en la implementación del acuerdo.",
             "La reparación integral de las víctimas exige recursos, voluntad política y seguimiento."]),
        new("fr",
            ["Plan d'action national sur les femmes, la paix et la sécurité", "Rapport de la consultation sur le foncier",
             "Compte rendu de l'atelier sur la justice transitionnelle", "Stratégie de médiation communautaire",
             "Note d'orientation sur l'éducation à la paix", "Bilan annuel du réseau"],
            ["consolidation de la paix", "droits fonciers", "éducation", "égalité", "société civile", "médiation"],
            ["Les participantes ont souligné l'importance de l'éducation à la paix dès l'école primaire.",
             "Le réseau demande un mécanisme de suivi indépendant, associant la société civile à chaque étape.",
             "La médiation communautaire a permis de résoudre plusieurs conflits fonciers entre éleveurs et agriculteurs.",
             "Les défenseurs des droits humains doivent bénéficier d'une protection renforcée pendant la période électorale.",
             "Un comité de pilotage se réunira chaque trimestre pour examiner les progrès accomplis.",
             "L'égalité entre les femmes et les hommes est une condition d'une paix durable."]),
        new("ar",
            ["الخطة الوطنية بشأن المرأة والسلام والأمن", "تقرير المشاورات حول حقوق الأرض", "التقرير السنوي للتحالف",
             "دليل حماية المدافعين عن حقوق الإنسان", "محضر اجتماع فريق العمل المعني بالعدالة الانتقالية"],
            ["بناء السلام", "حقوق الإنسان", "التعليم", "المساواة", "المجتمع المدني", "الحماية"],
            ["أكد المشاركون على أهمية التعليم من أجل السلام في المدارس والمجتمعات المحلية.",
             "طالبت منظمات المجتمع المدني بآلية مستقلة لمتابعة تنفيذ الخطة الوطنية.",
             "يحتاج المدافعون عن حقوق الإنسان إلى حماية عاجلة ودعم قانوني ونفسي.",
             "ناقش فريق العمل مسودة الفصل المتعلق بمشاركة النساء في لجان السلام المحلية.",
             "ستقدم اللجنة تقريرها الفصلي إلى اللجنة التوجيهية في الاجتماع القادم."]),
    ];

    /// <summary>One document's title, tags, language and text (about <paramref name="phrases"/> phrases, mostly of one language).</summary>
    public static (string Title, string[] Tags, string Language, string Text) Document(Random random, int number, int phrases)
    {
        var language = Languages[number % Languages.Length];
        var title = $"{language.Titles[random.Next(language.Titles.Length)]} {2015 + (number % 11)} ({number:D5})";
        var tags = Enumerable.Range(0, 1 + random.Next(3)).Select(_ => language.Tags[random.Next(language.Tags.Length)]).Distinct().ToArray();
        var text = new StringBuilder();
        for (var i = 0; i < phrases; i++)
        {
            if (i % 8 == 0)
            {
                text.Append("\n\n").Append(language.Titles[random.Next(language.Titles.Length)]).Append("\n\n");
            }

            // One phrase in ten in another language, as multilingual networks write.
            var from = random.Next(10) == 0 ? Languages[random.Next(Languages.Length)] : language;
            text.Append(from.Phrases[random.Next(from.Phrases.Length)]).Append(' ');
        }

        // A word only one document in a thousand has, for the rare-match query.
        if (number % 1000 == 7)
        {
            text.Append(" Kalambaro watershed agreement.");
        }

        return (title, tags, language.Code, text.ToString());
    }
}
