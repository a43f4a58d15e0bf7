"""The shipped role catalogue: for each sector, the responsibilities it takes on in a
coordinated response, in English, French and Spanish, in Accord's own words.

Each role has a stable code ("<sector>.<short_name>") that never changes once shipped (add
new roles, retire old ones; never rename). Roles with ``implied`` False restate, one per
bullet, the sector roles listed on guidance page 004; roles with ``implied`` True are
responsibilities of partner types named on pages 000-003 that page 004 does not list.
``source`` gives the page each role comes from (see SOURCES and shared/domain/README.md).
The wording is Accord's own, not quoted from the pages. Plain data only: no personal data.
"""

from typing import Any

CATALOGUE_VERSION = 1

SOURCES: dict[str, str] = {
    "004": "Role of local partners in a coordinated response",
    "000": "Identify key partners",
    "001": "Establishing partnerships (security sector)",
    "002": "Establish partnerships (prevention)",
    "003": "Identify potential partners (safe cities)",
}

ROLES: list[dict[str, Any]] = [
    {
        "code": "health.routine_enquiry",
        "sector": "health",
        "source": "004",
        "implied": False,
        "title": {
            "en": "Adopt protocols for routine enquiry about violence",
            "fr": "Adopter des protocoles de repérage systématique des violences",
            "es": "Adoptar protocolos de detección sistemática de la violencia",
        },
        "description": {
            "en": (
                "Agree when and how health staff ask women about violence, in private and with a "
                "safe next step ready, and write it into clinical protocols so the question is "
                "asked consistently rather than by chance."
            ),
            "fr": (
                "Définir quand et comment le personnel de santé interroge les femmes sur les "
                "violences, en privé et avec une suite sûre prévue, et l'inscrire dans les "
                "protocoles cliniques pour que la question soit posée de façon systématique et "
                "non au hasard."
            ),
            "es": (
                "Acordar cuándo y cómo el personal sanitario pregunta a las mujeres por la "
                "violencia, en privado y con un paso siguiente seguro previsto, e incluirlo en "
                "los protocolos clínicos para que se pregunte de forma sistemática y no por azar."
            ),
        },
    },
    {
        "code": "health.department_guidance",
        "sector": "health",
        "source": "004",
        "implied": False,
        "title": {
            "en": "Give every department guidance on responding to violence",
            "fr": "Donner à chaque service des consignes de prise en charge des violences",
            "es": "Dar a cada servicio pautas para responder a la violencia",
        },
        "description": {
            "en": (
                "Set out how hospitals, family doctors, maternity, communicable disease, and "
                "accident and emergency services should each respond to all forms of violence "
                "against women, so that no department is left to improvise."
            ),
            "fr": (
                "Préciser comment les hôpitaux, les médecins de famille, la maternité, les "
                "services de maladies transmissibles et les urgences doivent répondre à toutes "
                "les formes de violences faites aux femmes, pour qu'aucun service n'ait à "
                "improviser."
            ),
            "es": (
                "Establecer cómo deben responder los hospitales, la medicina de familia y los "
                "servicios de maternidad, enfermedades transmisibles y urgencias a todas las "
                "formas de violencia contra las mujeres, para que ningún servicio tenga que "
                "improvisar."
            ),
        },
    },
    {
        "code": "health.safety_and_dignity",
        "sector": "health",
        "source": "004",
        "implied": False,
        "title": {
            "en": "Protect survivors' safety, dignity and bodily integrity",
            "fr": (
                "Protéger la sécurité, la dignité et l'intégrité physique des victimes/survivantes"
            ),
            "es": (
                "Proteger la seguridad, la dignidad y la integridad corporal de las sobrevivientes"
            ),
        },
        "description": {
            "en": (
                "Make safety, respect and a woman's control over her own body the standard of "
                "care, with private consultations, consent sought before every examination and "
                "nothing shared with relatives without her agreement."
            ),
            "fr": (
                "Faire de la sécurité, du respect et de la maîtrise de son propre corps la norme "
                "des soins, avec des consultations en privé, un consentement recueilli avant tout "
                "examen et aucune information transmise aux proches sans l'accord de la femme."
            ),
            "es": (
                "Hacer de la seguridad, el respeto y el control de la mujer sobre su propio "
                "cuerpo la norma de la atención, con consultas en privado, consentimiento antes "
                "de cada exploración y nada comunicado a familiares sin su acuerdo."
            ),
        },
    },
    {
        "code": "health.female_staff",
        "sector": "health",
        "source": "004",
        "implied": False,
        "title": {
            "en": "Let women ask to be seen by a female health worker",
            "fr": "Permettre aux femmes d'être reçues par une soignante",
            "es": "Permitir que las mujeres sean atendidas por una profesional",
        },
        "description": {
            "en": (
                "Make sure a woman can choose to be seen, examined or interviewed by a female "
                "member of staff, and tell women that this choice exists."
            ),
            "fr": (
                "Veiller à ce qu'une femme puisse choisir d'être reçue, examinée ou entendue par "
                "une professionnelle, et faire savoir aux femmes que ce choix existe."
            ),
            "es": (
                "Garantizar que una mujer pueda elegir ser atendida, examinada o entrevistada por "
                "una profesional, e informar a las mujeres de que tienen esa opción."
            ),
        },
    },
    {
        "code": "health.perpetrator_protocols",
        "sector": "health",
        "source": "004",
        "implied": False,
        "title": {
            "en": "Agree how health services respond to perpetrators",
            "fr": "Définir la réponse des services de santé face aux auteurs de violences",
            "es": "Acordar cómo responden los servicios de salud a los agresores",
        },
        "description": {
            "en": (
                "Set protocols for patients known or suspected to use violence, keeping the "
                "victim/survivor's safety first, never passing on what she has disclosed, and "
                "referring to a perpetrator programme where one exists."
            ),
            "fr": (
                "Établir des protocoles pour les patients dont on sait ou soupçonne qu'ils "
                "exercent des violences, en donnant la priorité à la sécurité de la "
                "victime/survivante, sans jamais révéler ce qu'elle a confié, et en orientant "
                "vers un programme pour auteurs s'il en existe un."
            ),
            "es": (
                "Establecer protocolos para los pacientes de quienes se sabe o se sospecha que "
                "ejercen violencia, priorizando la seguridad de la víctima/sobreviviente, sin "
                "revelar nunca lo que ella ha contado y derivando a un programa para agresores si "
                "existe."
            ),
        },
    },
    {
        "code": "health.document_medical_impacts",
        "sector": "health",
        "source": "004",
        "implied": False,
        "title": {
            "en": "Record the health consequences of violence",
            "fr": "Consigner les conséquences des violences sur la santé",
            "es": "Registrar las consecuencias de la violencia para la salud",
        },
        "description": {
            "en": (
                "Document injuries and other effects on physical and mental health accurately and "
                "confidentially, so the record can support care, any legal action the woman "
                "chooses to take, and evidence of the health cost of violence."
            ),
            "fr": (
                "Documenter avec précision et en toute confidentialité les blessures et les "
                "autres effets sur la santé physique et mentale, afin que le dossier serve aux "
                "soins, à toute action en justice que la femme choisirait d'engager et à mesurer "
                "le coût sanitaire des violences."
            ),
            "es": (
                "Documentar con precisión y confidencialidad las lesiones y otros efectos en la "
                "salud física y mental, para que el registro sirva a la atención, a cualquier "
                "acción legal que la mujer decida emprender y a conocer el impacto de la "
                "violencia en la salud."
            ),
        },
    },
    {
        "code": "health.reproductive_health",
        "sector": "health",
        "source": "004",
        "implied": False,
        "title": {
            "en": "Connect reproductive health with violence against women",
            "fr": "Relier santé reproductive et violences faites aux femmes",
            "es": "Vincular la salud reproductiva con la violencia contra las mujeres",
        },
        "description": {
            "en": (
                "Promote sexual and reproductive health and make its links with violence visible, "
                "such as reproductive coercion, violence during pregnancy and sexually "
                "transmitted infections, in both services and health education."
            ),
            "fr": (
                "Promouvoir la santé sexuelle et reproductive et rendre visibles ses liens avec "
                "les violences, comme la coercition reproductive, les violences pendant la "
                "grossesse ou les infections sexuellement transmissibles, dans les services comme "
                "dans l'éducation à la santé."
            ),
            "es": (
                "Promover la salud sexual y reproductiva y hacer visibles sus vínculos con la "
                "violencia, como la coerción reproductiva, la violencia durante el embarazo o las "
                "infecciones de transmisión sexual, tanto en los servicios como en la educación "
                "para la salud."
            ),
        },
    },
    {
        "code": "health.mental_health_services",
        "sector": "health",
        "source": "004",
        "implied": False,
        "title": {
            "en": "Make mental health services aware of violence and safe for women",
            "fr": (
                "Rendre les services de santé mentale attentifs aux violences et sûrs pour les "
                "femmes"
            ),
            "es": (
                "Hacer que la salud mental tenga en cuenta la violencia y sea segura para las "
                "mujeres"
            ),
        },
        "description": {
            "en": (
                "Help mental health teams recognise violence as a source of distress and respond "
                "to women's need for safety, including in residential and inpatient units where "
                "women can be exposed to further harm."
            ),
            "fr": (
                "Aider les équipes de santé mentale à reconnaître les violences comme source de "
                "souffrance et à répondre au besoin de sécurité des femmes, y compris dans les "
                "unités d'hospitalisation et d'hébergement où elles peuvent subir de nouvelles "
                "violences."
            ),
            "es": (
                "Ayudar a los equipos de salud mental a reconocer la violencia como fuente de "
                "sufrimiento y a responder a la necesidad de seguridad de las mujeres, también en "
                "las unidades residenciales y de hospitalización, donde pueden quedar expuestas a "
                "nuevas violencias."
            ),
        },
    },
    {
        "code": "health.referral_protocols",
        "sector": "health",
        "source": "004",
        "implied": False,
        "title": {
            "en": "Agree referral routes to psychosocial and other support",
            "fr": (
                "Établir des circuits d'orientation vers le soutien psychosocial et les autres "
                "services"
            ),
            "es": "Acordar rutas de derivación a apoyo psicosocial y otros servicios",
        },
        "description": {
            "en": (
                "Draw up local protocols stating where health staff refer women for counselling, "
                "advocacy, shelter or legal help, with named contact points and what should "
                "happen after the referral."
            ),
            "fr": (
                "Rédiger des protocoles locaux indiquant vers qui le personnel de santé oriente "
                "les femmes pour un soutien psychologique, un accompagnement, un hébergement ou "
                "une aide juridique, avec des contacts identifiés et la suite prévue après "
                "l'orientation."
            ),
            "es": (
                "Elaborar protocolos locales que indiquen adónde deriva el personal sanitario a "
                "las mujeres para recibir apoyo psicológico, acompañamiento, alojamiento seguro o "
                "asesoría jurídica, con contactos designados y lo que debe ocurrir tras la "
                "derivación."
            ),
        },
    },
    {
        "code": "health.roundtables",
        "sector": "health",
        "source": "004",
        "implied": False,
        "title": {
            "en": "Hold roundtables with NGOs and survivors to find gaps",
            "fr": (
                "Organiser des tables rondes avec les ONG et les survivantes pour repérer les "
                "lacunes"
            ),
            "es": "Celebrar mesas redondas con ONG y sobrevivientes para detectar carencias",
        },
        "description": {
            "en": (
                "Meet regularly with specialist NGOs and victims/survivors to hear where health "
                "responses fall short and to agree what needs further work."
            ),
            "fr": (
                "Rencontrer régulièrement les ONG spécialisées et des victimes/survivantes pour "
                "entendre où la réponse sanitaire est insuffisante et convenir de ce qui reste à "
                "améliorer."
            ),
            "es": (
                "Reunirse periódicamente con ONG especializadas y con víctimas/sobrevivientes "
                "para conocer en qué falla la respuesta sanitaria y acordar qué hay que seguir "
                "mejorando."
            ),
        },
    },
    {
        "code": "health.aggregate_data",
        "sector": "health",
        "source": "004",
        "implied": False,
        "title": {
            "en": "Track and share aggregate figures on cases identified and responses given",
            "fr": (
                "Suivre et partager des chiffres agrégés sur les cas repérés et les réponses "
                "apportées"
            ),
            "es": "Seguir y compartir cifras agregadas sobre casos detectados y respuestas dadas",
        },
        "description": {
            "en": (
                "Count how many cases are identified and how each is responded to, follow the "
                "trends, and share the figures with partners in aggregate form only, without "
                "details that could identify anyone."
            ),
            "fr": (
                "Compter les cas repérés et la réponse apportée à chacun, suivre les tendances et "
                "ne partager les chiffres avec les partenaires que sous forme agrégée, sans "
                "détail permettant d'identifier quiconque."
            ),
            "es": (
                "Contabilizar los casos detectados y la respuesta que recibe cada uno, seguir las "
                "tendencias y compartir las cifras con las entidades asociadas solo de forma "
                "agregada, sin datos que permitan identificar a nadie."
            ),
        },
    },
    {
        "code": "health.regular_training",
        "sector": "health",
        "source": "004",
        "implied": False,
        "title": {
            "en": "Train health staff regularly on violence against women",
            "fr": "Former régulièrement le personnel de santé aux violences faites aux femmes",
            "es": "Formar periódicamente al personal sanitario sobre violencia contra las mujeres",
        },
        "description": {
            "en": (
                "Give staff recurring training on violence against women, on how the coordinated "
                "response works and on good practice in caring for victims/survivors."
            ),
            "fr": (
                "Proposer au personnel des formations régulières sur les violences faites aux "
                "femmes, le fonctionnement de la réponse coordonnée et les bonnes pratiques de "
                "prise en charge des victimes/survivantes."
            ),
            "es": (
                "Ofrecer al personal formación periódica sobre la violencia contra las mujeres, "
                "el funcionamiento de la respuesta coordinada y las buenas prácticas en la "
                "atención a víctimas/sobrevivientes."
            ),
        },
    },
    {
        "code": "health.forensic_training",
        "sector": "health",
        "source": "004",
        "implied": False,
        "title": {
            "en": "Train staff to collect and handle forensic evidence",
            "fr": "Former le personnel au recueil et à la conservation des preuves médico-légales",
            "es": "Formar al personal en la recogida y custodia de pruebas forenses",
        },
        "description": {
            "en": (
                "Train designated staff regularly to collect, record, store and hand over "
                "forensic evidence with the woman's consent, so it holds up in court if she "
                "decides to pursue a case."
            ),
            "fr": (
                "Former régulièrement le personnel désigné à recueillir, consigner, conserver et "
                "transmettre les preuves médico-légales avec le consentement de la femme, pour "
                "qu'elles soient recevables si elle décide d'engager une procédure."
            ),
            "es": (
                "Formar periódicamente al personal designado para recoger, documentar, conservar "
                "y entregar pruebas forenses con el consentimiento de la mujer, de modo que sean "
                "válidas ante un tribunal si ella decide iniciar un proceso."
            ),
        },
    },
    {
        "code": "police.crime_message",
        "sector": "police",
        "source": "004",
        "implied": False,
        "title": {
            "en": "Say clearly that violence against women is a crime, and act on it",
            "fr": (
                "Affirmer que les violences faites aux femmes sont des infractions, et agir en "
                "conséquence"
            ),
            "es": (
                "Dejar claro que la violencia contra las mujeres es un delito, y actuar en "
                "consecuencia"
            ),
        },
        "description": {
            "en": (
                "State publicly and often that violence against women is a crime and that "
                "perpetrators will be held to account, and make sure arrests, investigations and "
                "case files match that message."
            ),
            "fr": (
                "Dire publiquement et souvent que les violences faites aux femmes sont des "
                "infractions et que leurs auteurs devront en répondre, et veiller à ce que les "
                "interpellations, les enquêtes et les dossiers soient à la hauteur de ce message."
            ),
            "es": (
                "Afirmar en público y con frecuencia que la violencia contra las mujeres es un "
                "delito y que los agresores rendirán cuentas, y asegurarse de que las "
                "detenciones, las investigaciones y los expedientes estén a la altura de ese "
                "mensaje."
            ),
        },
    },
    {
        "code": "police.encourage_reporting",
        "sector": "police",
        "source": "004",
        "implied": False,
        "title": {
            "en": "Find new ways to encourage and enable reporting",
            "fr": "Innover pour faciliter le signalement des violences",
            "es": "Innovar para facilitar la denuncia",
        },
        "description": {
            "en": (
                "Try approaches that make it easier for women to come forward, such as women's "
                "police units, specialised investigation teams or places to report away from the "
                "police station."
            ),
            "fr": (
                "Tester des moyens de faciliter la démarche des femmes, comme des unités de "
                "police féminines, des équipes d'enquête spécialisées ou des lieux de signalement "
                "en dehors du commissariat."
            ),
            "es": (
                "Probar fórmulas que faciliten que las mujeres denuncien, como unidades "
                "policiales de mujeres, equipos de investigación especializados o puntos de "
                "denuncia fuera de la comisaría."
            ),
        },
    },
    {
        "code": "police.respect_and_belief",
        "sector": "police",
        "source": "004",
        "implied": False,
        "title": {
            "en": "Respond to every report with respect and belief",
            "fr": "Accueillir chaque signalement avec respect, en croyant la parole des femmes",
            "es": "Atender cada denuncia con respeto, creyendo a las mujeres",
        },
        "description": {
            "en": (
                "Design and run initiatives so that officers take women's reports seriously, "
                "listen without blame and treat them with respect from the first contact onwards."
            ),
            "fr": (
                "Concevoir et mener des initiatives pour que les agentes et agents prennent au "
                "sérieux les signalements des femmes, les écoutent sans les culpabiliser et les "
                "traitent avec respect dès le premier contact."
            ),
            "es": (
                "Diseñar y llevar a cabo iniciativas para que las y los agentes tomen en serio "
                "las denuncias de las mujeres, las escuchen sin culpabilizarlas y las traten con "
                "respeto desde el primer contacto."
            ),
        },
    },
    {
        "code": "police.support_service_protocols",
        "sector": "police",
        "source": "004",
        "implied": False,
        "title": {
            "en": "Agree protocols and referrals with support services",
            "fr": "Convenir de protocoles et d'orientations avec les services de soutien",
            "es": "Acordar protocolos y derivaciones con los servicios de apoyo",
        },
        "description": {
            "en": (
                "Put in writing how officers work with local counselling, advocacy and support "
                "services, including when and how they refer women to them."
            ),
            "fr": (
                "Établir des protocoles écrits avec les services locaux de soutien psychosocial, "
                "d'accompagnement et d'aide, y compris sur le moment et la manière dont la police "
                "y oriente les femmes."
            ),
            "es": (
                "Establecer protocolos escritos con los servicios locales de apoyo psicosocial, "
                "acompañamiento y ayuda, incluido cuándo y cómo la policía deriva a las mujeres "
                "hacia ellos."
            ),
        },
    },
    {
        "code": "police.problem_solving_meetings",
        "sector": "police",
        "source": "004",
        "implied": False,
        "title": {
            "en": "Solve problems regularly with NGOs, referral partners and survivors",
            "fr": "Lever les blocages avec les ONG, les services partenaires et les survivantes",
            "es": (
                "Resolver problemas periódicamente con ONG, servicios de derivación y "
                "sobrevivientes"
            ),
        },
        "description": {
            "en": (
                "Hold regular problem-solving meetings with NGOs, the agencies that receive "
                "referrals and victims/survivors to tackle blockages in the police response."
            ),
            "fr": (
                "Tenir des réunions régulières de résolution de problèmes avec les ONG, les "
                "services qui reçoivent les orientations et des victimes/survivantes pour lever "
                "les blocages dans la réponse policière."
            ),
            "es": (
                "Celebrar reuniones periódicas con ONG, los servicios que reciben derivaciones y "
                "víctimas/sobrevivientes para resolver los obstáculos de la respuesta policial."
            ),
        },
    },
    {
        "code": "police.case_outcome_data",
        "sector": "police",
        "source": "004",
        "implied": False,
        "title": {
            "en": "Share aggregate data on reports and case outcomes",
            "fr": "Partager des données agrégées sur les signalements et l'issue des affaires",
            "es": "Compartir datos agregados sobre denuncias y resultados de los casos",
        },
        "description": {
            "en": (
                "Track how many incidents are reported and what happens to them, from arrest to "
                "charge and outcome, and share aggregate figures with partners to monitor the "
                "response."
            ),
            "fr": (
                "Suivre le nombre de faits signalés et leur traitement, de l'interpellation aux "
                "poursuites et à l'issue finale, et partager des chiffres agrégés avec les "
                "partenaires pour suivre la réponse."
            ),
            "es": (
                "Registrar cuántos hechos se denuncian y qué ocurre con ellos, desde la detención "
                "hasta la acusación y el resultado final, y compartir cifras agregadas con las "
                "entidades asociadas para seguir la respuesta."
            ),
        },
    },
    {
        "code": "police.regular_training",
        "sector": "police",
        "source": "004",
        "implied": False,
        "title": {
            "en": "Train officers in evidence-gathering and trauma-informed interviewing",
            "fr": "Former la police au recueil des preuves et aux auditions adaptées au trauma",
            "es": "Formar a la policía en obtención de pruebas y entrevistas sensibles al trauma",
        },
        "description": {
            "en": (
                "Provide recurring training on responding to violence against women, including "
                "how to gather evidence and how to interview in a way that takes account of "
                "trauma."
            ),
            "fr": (
                "Assurer des formations régulières sur la réponse aux violences faites aux "
                "femmes, notamment le recueil des preuves et la conduite d'auditions qui tiennent "
                "compte des effets du traumatisme."
            ),
            "es": (
                "Impartir formación periódica sobre la respuesta a la violencia contra las "
                "mujeres, incluida la obtención de pruebas y la realización de entrevistas que "
                "tengan en cuenta el trauma."
            ),
        },
    },
    {
        "code": "social_services.routine_enquiry",
        "sector": "social_services",
        "source": "004",
        "implied": False,
        "title": {
            "en": "Ask women and girls routinely about violence so it is identified early",
            "fr": "Poser systématiquement la question des violences pour les repérer tôt",
            "es": "Preguntar de forma sistemática por la violencia para detectarla pronto",
        },
        "description": {
            "en": (
                "Put protocols in place for asking women and girls about violence during "
                "assessments and other contacts, so that it is detected early and the next step "
                "is safe."
            ),
            "fr": (
                "Mettre en place des protocoles pour interroger les femmes et les filles sur les "
                "violences lors des évaluations et des autres contacts, afin de les repérer tôt "
                "et de proposer une suite sûre."
            ),
            "es": (
                "Implantar protocolos para preguntar a mujeres y niñas por la violencia durante "
                "las valoraciones y otros contactos, de modo que se detecte pronto y el paso "
                "siguiente sea seguro."
            ),
        },
    },
    {
        "code": "social_services.department_guidance",
        "sector": "social_services",
        "source": "004",
        "implied": False,
        "title": {
            "en": "Guide every department on responding to violence against women",
            "fr": "Orienter chaque service sur la réponse aux violences faites aux femmes",
            "es": (
                "Orientar a cada departamento sobre cómo responder a la violencia contra las "
                "mujeres"
            ),
        },
        "description": {
            "en": (
                "Give departments such as child protection, welfare rights, income support and "
                "community work clear guidance on how to respond to all forms of violence against "
                "women."
            ),
            "fr": (
                "Donner à des services comme la protection de l'enfance, l'accès aux droits "
                "sociaux, l'aide au revenu et le travail communautaire des consignes claires pour "
                "répondre à toutes les formes de violences faites aux femmes."
            ),
            "es": (
                "Dar a departamentos como protección de la infancia, derechos sociales, ayudas "
                "económicas y trabajo comunitario pautas claras para responder a todas las formas "
                "de violencia contra las mujeres."
            ),
        },
    },
    {
        "code": "social_services.psychosocial_needs",
        "sector": "social_services",
        "source": "004",
        "implied": False,
        "title": {
            "en": "Set out how to meet survivors' emotional, psychological and social needs",
            "fr": (
                "Définir la réponse aux besoins émotionnels, psychologiques et sociaux des "
                "survivantes"
            ),
            "es": "Definir cómo atender las necesidades emocionales, psicológicas y sociales",
        },
        "description": {
            "en": (
                "Develop guidance for staff on responding to the emotional, psychological and "
                "social needs of victims/survivors, and on when to bring in specialist help."
            ),
            "fr": (
                "Élaborer des consignes pour le personnel sur la réponse aux besoins émotionnels, "
                "psychologiques et sociaux des victimes/survivantes, et sur le moment où faire "
                "appel à une aide spécialisée."
            ),
            "es": (
                "Elaborar pautas para el personal sobre cómo responder a las necesidades "
                "emocionales, psicológicas y sociales de las víctimas/sobrevivientes, y sobre "
                "cuándo recurrir a ayuda especializada."
            ),
        },
    },
    {
        "code": "social_services.specialised_teams",
        "sector": "social_services",
        "source": "004",
        "implied": False,
        "title": {
            "en": "Consider setting up specialised response teams",
            "fr": "Étudier la création d'équipes spécialisées",
            "es": "Estudiar la creación de equipos especializados",
        },
        "description": {
            "en": (
                "Look at whether dedicated teams with expertise in violence against women would "
                "improve the response, and if so plan how to staff and run them."
            ),
            "fr": (
                "Examiner si des équipes dédiées, spécialistes des violences faites aux femmes, "
                "amélioreraient la réponse et, le cas échéant, prévoir leur composition et leur "
                "fonctionnement."
            ),
            "es": (
                "Valorar si equipos dedicados y especializados en violencia contra las mujeres "
                "mejorarían la respuesta y, en su caso, planificar su composición y "
                "funcionamiento."
            ),
        },
    },
    {
        "code": "social_services.outreach",
        "sector": "social_services",
        "source": "004",
        "implied": False,
        "title": {
            "en": "Reach out to women and girls, including in rural and isolated areas",
            "fr": "Aller vers les femmes et les filles, y compris en milieu rural et isolé",
            "es": "Llegar a mujeres y niñas, también en zonas rurales y aisladas",
        },
        "description": {
            "en": (
                "Develop outreach so that more women and girls can seek help, including those who "
                "live in rural or otherwise isolated communities."
            ),
            "fr": (
                "Développer des actions d'aller-vers pour que davantage de femmes et de filles "
                "puissent demander de l'aide, y compris celles qui vivent en milieu rural ou dans "
                "des communautés isolées."
            ),
            "es": (
                "Desarrollar acciones de proximidad para que más mujeres y niñas puedan pedir "
                "ayuda, incluidas las que viven en zonas rurales o en comunidades aisladas."
            ),
        },
    },
    {
        "code": "social_services.community_prevention",
        "sector": "social_services",
        "source": "004",
        "implied": False,
        "title": {
            "en": "Support community education, awareness and prevention",
            "fr": "Soutenir l'éducation, la sensibilisation et la prévention dans la communauté",
            "es": "Impulsar la educación, la sensibilización y la prevención comunitarias",
        },
        "description": {
            "en": (
                "Use social services' everyday contact with local people to raise awareness, "
                "educate and help prevent violence against women in the community."
            ),
            "fr": (
                "S'appuyer sur le contact quotidien des services sociaux avec la population pour "
                "promouvoir l'éducation, la sensibilisation et la prévention des violences faites "
                "aux femmes."
            ),
            "es": (
                "Aprovechar el contacto diario de los servicios sociales con la población para "
                "promover la educación, la sensibilización y la prevención de la violencia contra "
                "las mujeres."
            ),
        },
    },
    {
        "code": "social_services.legal_redress_support",
        "sector": "social_services",
        "source": "004",
        "implied": False,
        "title": {
            "en": "Support and advocate for survivors seeking legal redress",
            "fr": "Soutenir les survivantes qui engagent une action en justice",
            "es": "Apoyar a las sobrevivientes que buscan reparación legal",
        },
        "description": {
            "en": (
                "Offer support and advocacy to victims/survivors who want to take legal action, "
                "helping them understand their options and accompanying them through the process."
            ),
            "fr": (
                "Apporter soutien et plaidoyer aux victimes/survivantes qui souhaitent agir en "
                "justice, en les aidant à comprendre leurs options et en restant à leurs côtés "
                "tout au long de la procédure."
            ),
            "es": (
                "Ofrecer apoyo y asesoramiento a las víctimas/sobrevivientes que quieren "
                "emprender acciones legales, ayudándolas a entender sus opciones y acompañándolas "
                "durante todo el proceso."
            ),
        },
    },
    {
        "code": "social_services.referral_mechanisms",
        "sector": "social_services",
        "source": "004",
        "implied": False,
        "title": {
            "en": "Develop and oversee local referral mechanisms",
            "fr": "Mettre en place et piloter les mécanismes locaux d'orientation",
            "es": "Desarrollar y supervisar los mecanismos locales de derivación",
        },
        "description": {
            "en": (
                "Build the local referral mechanism with partners and take responsibility for "
                "checking that it works, that agencies respond and that no woman falls through "
                "the gaps."
            ),
            "fr": (
                "Construire avec les partenaires le mécanisme local d'orientation et veiller à "
                "son bon fonctionnement, à la réponse de chaque service et à ce qu'aucune femme "
                "ne reste sans solution."
            ),
            "es": (
                "Construir con las entidades asociadas el mecanismo local de derivación y "
                "responsabilizarse de que funcione, de que cada servicio responda y de que "
                "ninguna mujer quede sin atención."
            ),
        },
    },
    {
        "code": "social_services.anonymised_data",
        "sector": "social_services",
        "source": "004",
        "implied": False,
        "title": {
            "en": (
                "Track and share anonymised figures on cases identified and how they are handled"
            ),
            "fr": (
                "Suivre et partager des chiffres anonymisés sur les cas repérés et leur traitement"
            ),
            "es": "Seguir y compartir cifras anonimizadas sobre casos detectados y su gestión",
        },
        "description": {
            "en": (
                "Record how many cases are identified and how they are handled, monitor the "
                "results, and share the data with partners only in anonymised form."
            ),
            "fr": (
                "Enregistrer le nombre de cas repérés et leur traitement, suivre les résultats et "
                "ne partager les données avec les partenaires que sous forme anonymisée."
            ),
            "es": (
                "Registrar cuántos casos se detectan y cómo se gestionan, hacer seguimiento de "
                "los resultados y compartir los datos con las entidades asociadas solo de forma "
                "anonimizada."
            ),
        },
    },
    {
        "code": "social_services.participation_mechanisms",
        "sector": "social_services",
        "source": "004",
        "implied": False,
        "title": {
            "en": "Involve NGOs and survivors in planning and evaluating responses",
            "fr": "Associer les ONG et les survivantes à la planification et à l'évaluation",
            "es": "Implicar a ONG y sobrevivientes en la planificación y la evaluación",
        },
        "description": {
            "en": (
                "Create ways for NGOs and victims/survivors to take part in planning and "
                "evaluating social services' responses, and report back on how their input was "
                "used."
            ),
            "fr": (
                "Créer des moyens pour que les ONG et des victimes/survivantes participent à la "
                "planification et à l'évaluation des réponses des services sociaux, et leur "
                "rendre compte de l'usage fait de leurs contributions."
            ),
            "es": (
                "Crear vías para que las ONG y las víctimas/sobrevivientes participen en la "
                "planificación y la evaluación de las respuestas de los servicios sociales, e "
                "informarles de cómo se han usado sus aportaciones."
            ),
        },
    },
    {
        "code": "social_services.regular_training",
        "sector": "social_services",
        "source": "004",
        "implied": False,
        "title": {
            "en": "Train staff regularly in prevention and response",
            "fr": "Former régulièrement le personnel à la prévention et à la prise en charge",
            "es": "Formar periódicamente al personal en prevención y respuesta",
        },
        "description": {
            "en": (
                "Provide recurring training for social services staff on good practice in "
                "preventing and responding to violence against women."
            ),
            "fr": (
                "Proposer au personnel des services sociaux des formations régulières sur les "
                "bonnes pratiques de prévention et de réponse aux violences faites aux femmes."
            ),
            "es": (
                "Ofrecer al personal de los servicios sociales formación periódica sobre buenas "
                "prácticas en la prevención y la respuesta a la violencia contra las mujeres."
            ),
        },
    },
    {
        "code": "specialist_ngo.information_and_support",
        "sector": "specialist_ngo",
        "source": "004",
        "implied": False,
        "title": {
            "en": "Provide information, support and outreach to survivors",
            "fr": "Informer, soutenir et aller vers les survivantes",
            "es": "Ofrecer información, apoyo y acciones de proximidad a las sobrevivientes",
        },
        "description": {
            "en": (
                "Give victims/survivors information and support, and reach out to women who "
                "cannot easily come to an office or shelter."
            ),
            "fr": (
                "Proposer aux victimes/survivantes information et services de soutien, y compris "
                "des actions d'aller-vers pour les femmes qui ne peuvent pas facilement se rendre "
                "dans un bureau ou un centre d'hébergement."
            ),
            "es": (
                "Ofrecer a las víctimas/sobrevivientes información y servicios de apoyo, "
                "incluidas acciones de proximidad para las mujeres que no pueden acudir "
                "fácilmente a una oficina o a un refugio."
            ),
        },
    },
    {
        "code": "specialist_ngo.rights_based_model",
        "sector": "specialist_ngo",
        "source": "004",
        "implied": False,
        "title": {
            "en": "Build a model of response based on rights, equality and empowerment",
            "fr": "Bâtir un modèle de réponse fondé sur les droits, l'égalité et l'autonomisation",
            "es": "Construir un modelo de respuesta basado en derechos, igualdad y empoderamiento",
        },
        "description": {
            "en": (
                "Ground the way services respond in human rights, equality and women's "
                "empowerment, and set the model out clearly so that other partners can adopt it "
                "too."
            ),
            "fr": (
                "Ancrer la manière dont les services répondent dans les droits humains, l'égalité "
                "et l'autonomisation des femmes, et formaliser ce modèle pour que les autres "
                "partenaires puissent aussi l'adopter."
            ),
            "es": (
                "Basar la forma de responder de los servicios en los derechos humanos, la "
                "igualdad y el empoderamiento de las mujeres, y explicitar el modelo para que "
                "otras entidades también puedan adoptarlo."
            ),
        },
    },
    {
        "code": "specialist_ngo.female_advocates",
        "sector": "specialist_ngo",
        "source": "004",
        "implied": False,
        "title": {
            "en": "Ensure women advocates and support workers are available",
            "fr": "Garantir la présence d'intervenantes et d'accompagnatrices",
            "es": "Garantizar que haya mujeres acompañantes y profesionales de apoyo",
        },
        "description": {
            "en": (
                "Ensure victims/survivors can be supported by women advocates and support "
                "workers, with enough of them available to avoid long waits."
            ),
            "fr": (
                "Veiller à ce que les victimes/survivantes puissent être soutenues par des "
                "femmes, intervenantes et accompagnatrices, en nombre suffisant pour éviter de "
                "longues attentes."
            ),
            "es": (
                "Garantizar que las víctimas/sobrevivientes puedan recibir apoyo de mujeres "
                "acompañantes y profesionales, en número suficiente para evitar largas esperas."
            ),
        },
    },
    {
        "code": "specialist_ngo.access_for_all",
        "sector": "specialist_ngo",
        "source": "004",
        "implied": False,
        "title": {
            "en": "Check who is missing out and extend services to them",
            "fr": "Repérer les femmes qui n'accèdent pas aux services et les leur ouvrir",
            "es": "Detectar quién queda fuera y ampliar los servicios para llegar a ellas",
        },
        "description": {
            "en": (
                "Assess whether all women can use NGO services, and make services available to "
                "groups that are under-represented, such as rural, disabled, indigenous or "
                "minority women."
            ),
            "fr": (
                "Vérifier que toutes les femmes peuvent recourir aux services des ONG et les "
                "rendre accessibles aux groupes sous-représentés, comme les femmes rurales, "
                "handicapées, autochtones ou issues de minorités."
            ),
            "es": (
                "Comprobar si todas las mujeres pueden usar los servicios de las ONG y hacerlos "
                "accesibles a los grupos infrarrepresentados, como las mujeres rurales, con "
                "discapacidad, indígenas o de minorías."
            ),
        },
    },
    {
        "code": "specialist_ngo.train_and_supervise",
        "sector": "specialist_ngo",
        "source": "004",
        "implied": False,
        "title": {
            "en": "Train and supervise staff and community workers in the model",
            "fr": "Former et superviser les équipes des ONG et du travail social selon ce modèle",
            "es": "Formar y supervisar al personal y a los equipos comunitarios según el modelo",
        },
        "description": {
            "en": (
                "Train and supervise NGO staff, and the social and community workers who support "
                "victims/survivors, so that they all work to the shared model of response."
            ),
            "fr": (
                "Former et encadrer le personnel des ONG ainsi que les travailleuses et "
                "travailleurs sociaux et communautaires qui accompagnent les "
                "victimes/survivantes, afin d'appliquer partout le modèle de réponse commun."
            ),
            "es": (
                "Formar y supervisar al personal de las ONG y a las y los trabajadores sociales y "
                "comunitarios que apoyan a víctimas/sobrevivientes, para que trabajen según el "
                "modelo de respuesta común."
            ),
        },
    },
    {
        "code": "specialist_ngo.community_prevention",
        "sector": "specialist_ngo",
        "source": "004",
        "implied": False,
        "title": {
            "en": "Lead community education, awareness and prevention",
            "fr": "Porter l'éducation, la sensibilisation et la prévention dans la communauté",
            "es": "Impulsar la educación, la sensibilización y la prevención en la comunidad",
        },
        "description": {
            "en": (
                "Run community education, awareness-raising and prevention work, drawing on what "
                "the organisation learns from supporting women."
            ),
            "fr": (
                "Promouvoir l'éducation, la sensibilisation et la prévention auprès de la "
                "population, en s'appuyant sur ce que l'organisation apprend de l'accompagnement "
                "des femmes."
            ),
            "es": (
                "Promover la educación, la sensibilización y la prevención en la comunidad, a "
                "partir de lo que la organización aprende al acompañar a las mujeres."
            ),
        },
    },
    {
        "code": "specialist_ngo.referral_feedback",
        "sector": "specialist_ngo",
        "source": "004",
        "implied": False,
        "title": {
            "en": "Develop referral mechanisms and gather feedback on them",
            "fr": (
                "Développer les circuits d'orientation et recueillir des retours sur leur "
                "fonctionnement"
            ),
            "es": (
                "Desarrollar mecanismos de derivación y recoger opiniones sobre su funcionamiento"
            ),
        },
        "description": {
            "en": (
                "Help build local referral routes, ask women and agencies how well they work, and "
                "bring the findings back to the partnership to fix problems."
            ),
            "fr": (
                "Contribuer à construire les circuits locaux d'orientation, demander aux femmes "
                "et aux services s'ils fonctionnent bien et rapporter les constats au partenariat "
                "pour corriger les problèmes."
            ),
            "es": (
                "Contribuir a crear las rutas locales de derivación, preguntar a las mujeres y a "
                "los servicios si funcionan bien y llevar las conclusiones a la red para corregir "
                "los problemas."
            ),
        },
    },
    {
        "code": "specialist_ngo.anonymised_data",
        "sector": "specialist_ngo",
        "source": "004",
        "implied": False,
        "title": {
            "en": "Share anonymised data on service users, referrals and responses",
            "fr": (
                "Partager des données anonymisées sur les usagères, les orientations et les "
                "réponses"
            ),
            "es": "Compartir datos anonimizados sobre usuarias, derivaciones y respuestas",
        },
        "description": {
            "en": (
                "Collect and monitor data on who uses the service, where referrals come from and "
                "go to, and how needs are met, and share it with partners only in anonymised "
                "form."
            ),
            "fr": (
                "Recueillir et suivre des données sur les personnes accueillies, la provenance et "
                "la destination des orientations et la réponse aux besoins, et ne les partager "
                "avec les partenaires qu'anonymisées."
            ),
            "es": (
                "Recopilar y seguir datos sobre quién usa el servicio, de dónde vienen y adónde "
                "van las derivaciones y cómo se atienden las necesidades, y compartirlos con las "
                "entidades asociadas solo anonimizados."
            ),
        },
    },
    {
        "code": "specialist_ngo.survivor_participation",
        "sector": "specialist_ngo",
        "source": "004",
        "implied": False,
        "title": {
            "en": "Build participatory ways for survivors to shape responses",
            "fr": (
                "Créer des modèles participatifs pour que les survivantes orientent les réponses"
            ),
            "es": (
                "Crear modelos participativos para que las sobrevivientes orienten las respuestas"
            ),
        },
        "description": {
            "en": (
                "Design participatory models through which victims/survivors help plan and "
                "evaluate responses, with support, safety and confidentiality built in."
            ),
            "fr": (
                "Concevoir des modèles participatifs permettant aux victimes/survivantes de "
                "contribuer à la planification et à l'évaluation des réponses, avec soutien, "
                "sécurité et confidentialité garantis."
            ),
            "es": (
                "Diseñar modelos participativos para que las víctimas/sobrevivientes contribuyan "
                "a planificar y evaluar las respuestas, con apoyo, seguridad y confidencialidad "
                "garantizados."
            ),
        },
    },
    {
        "code": "specialist_ngo.empowerment_to_speak_out",
        "sector": "specialist_ngo",
        "source": "004",
        "implied": False,
        "title": {
            "en": "Create empowerment processes that help women speak out",
            "fr": "Créer des démarches d'autonomisation pour que les femmes prennent la parole",
            "es": "Crear procesos de empoderamiento para que las mujeres alcen la voz",
        },
        "description": {
            "en": (
                "Run empowerment processes, such as groups and campaigns, that give women the "
                "confidence and a safe space to speak out publicly about violence."
            ),
            "fr": (
                "Mener des démarches d'autonomisation, comme des groupes de parole ou des "
                "campagnes, qui donnent aux femmes la confiance et un espace sûr pour dénoncer "
                "les violences qui leur sont faites."
            ),
            "es": (
                "Impulsar procesos de empoderamiento, como grupos o campañas, que den a las "
                "mujeres la confianza y un espacio seguro para denunciar públicamente la "
                "violencia contra las mujeres."
            ),
        },
    },
    {
        "code": "specialist_ngo.lead_coordination",
        "sector": "specialist_ngo",
        "source": "004",
        "implied": False,
        "title": {
            "en": "Take a lead in coordination to keep the response survivor-centred",
            "fr": (
                "Jouer un rôle moteur dans la coordination pour centrer la réponse sur les "
                "survivantes"
            ),
            "es": "Liderar la coordinación para que la respuesta se centre en las sobrevivientes",
        },
        "description": {
            "en": (
                "Take leadership in coordination so that every sector's response puts the needs, "
                "choices and safety of victims/survivors at its centre."
            ),
            "fr": (
                "Assumer un rôle de chef de file dans la coordination pour que la réponse de "
                "chaque secteur place au centre les besoins, les choix et la sécurité des "
                "victimes/survivantes."
            ),
            "es": (
                "Asumir el liderazgo en la coordinación para que la respuesta de cada sector "
                "sitúe en el centro las necesidades, las decisiones y la seguridad de las "
                "víctimas/sobrevivientes."
            ),
        },
    },
    {
        "code": "community_group.educate_workers",
        "sector": "community_group",
        "source": "004",
        "implied": False,
        "title": {
            "en": "Educate community workers to respond to survivors and perpetrators",
            "fr": "Former les équipes communautaires à réagir face aux survivantes et aux auteurs",
            "es": "Formar a los equipos comunitarios para responder a sobrevivientes y agresores",
        },
        "description": {
            "en": (
                "Teach community workers what violence against women is and how to respond to "
                "victims/survivors and to perpetrators, including where to refer each of them."
            ),
            "fr": (
                "Apprendre aux équipes communautaires ce que sont les violences faites aux femmes "
                "et comment réagir face aux victimes/survivantes et aux auteurs, y compris vers "
                "qui orienter chacun."
            ),
            "es": (
                "Enseñar a los equipos comunitarios qué es la violencia contra las mujeres y cómo "
                "responder a las víctimas/sobrevivientes y a los agresores, incluido adónde "
                "derivar en cada caso."
            ),
        },
    },
    {
        "code": "community_group.outreach_and_referral",
        "sector": "community_group",
        "source": "004",
        "implied": False,
        "title": {
            "en": "Reach out and help people into services",
            "fr": "Aller vers la population et faciliter l'accès aux services",
            "es": "Acercarse a la comunidad y facilitar el acceso a los servicios",
        },
        "description": {
            "en": (
                "Conduct outreach in the community so that women know what services exist and can "
                "be accompanied or referred to them."
            ),
            "fr": (
                "Mener des actions de proximité pour que les femmes connaissent les services "
                "existants et puissent y être accompagnées ou orientées."
            ),
            "es": (
                "Realizar acciones de proximidad para que las mujeres conozcan los servicios "
                "existentes y puedan ser acompañadas o derivadas a ellos."
            ),
        },
    },
    {
        "code": "community_group.men_and_boys_protocols",
        "sector": "community_group",
        "source": "004",
        "implied": False,
        "title": {
            "en": "Agree how to respond to boys and men who use violence",
            "fr": "Convenir de la réponse aux garçons et aux hommes qui exercent des violences",
            "es": "Acordar cómo responder a los chicos y hombres que ejercen violencia",
        },
        "description": {
            "en": (
                "Develop protocols for boys and men who admit to violence against women, or who "
                "use it without seeing it as violence, covering how to challenge them and where "
                "to refer them."
            ),
            "fr": (
                "Élaborer des protocoles pour les garçons et les hommes qui reconnaissent exercer "
                "des violences contre les femmes, ou qui en exercent sans les voir comme telles, "
                "précisant comment les confronter et vers qui les orienter."
            ),
            "es": (
                "Elaborar protocolos para los chicos y hombres que admiten ejercer violencia "
                "contra las mujeres, o que la ejercen sin reconocerla como tal, que indiquen cómo "
                "confrontarlos y adónde derivarlos."
            ),
        },
    },
    {
        "code": "community_group.dialogue_and_prevention",
        "sector": "community_group",
        "source": "004",
        "implied": False,
        "title": {
            "en": "Promote community dialogue and prevention",
            "fr": "Favoriser le dialogue communautaire et la prévention",
            "es": "Promover el diálogo comunitario y la prevención",
        },
        "description": {
            "en": (
                "Open conversations in the community about violence against women and support "
                "education, awareness raising and prevention activities."
            ),
            "fr": (
                "Ouvrir le dialogue au sein de la communauté sur les violences faites aux femmes "
                "et soutenir l'éducation, la sensibilisation et les actions de prévention."
            ),
            "es": (
                "Abrir conversaciones en la comunidad sobre la violencia contra las mujeres y "
                "apoyar la educación, la sensibilización y las actividades de prevención."
            ),
        },
    },
    {
        "code": "survivors_forum.plan_and_evaluate",
        "sector": "survivors_forum",
        "source": "004",
        "implied": False,
        "title": {
            "en": "Take part in planning and evaluating responses",
            "fr": "Participer à la planification et à l'évaluation des réponses",
            "es": "Participar en la planificación y la evaluación de las respuestas",
        },
        "description": {
            "en": (
                "Bring survivors' experience into the planning and evaluation of the coordinated "
                "response, through forums, reference groups or consultations that partners act "
                "on."
            ),
            "fr": (
                "Faire entrer l'expérience des survivantes dans la planification et l'évaluation "
                "de la réponse coordonnée, par des forums, des groupes de référence ou des "
                "consultations suivies d'effets."
            ),
            "es": (
                "Aportar la experiencia de las sobrevivientes a la planificación y la evaluación "
                "de la respuesta coordinada, mediante foros, grupos de referencia o consultas que "
                "tengan consecuencias reales."
            ),
        },
    },
    {
        "code": "survivors_forum.speak_out_safely",
        "sector": "survivors_forum",
        "source": "004",
        "implied": False,
        "title": {
            "en": "Speak out about violence when and where it is safe",
            "fr": "Prendre la parole sur les violences quand et où c'est sans danger",
            "es": "Alzar la voz contra la violencia cuando y donde sea seguro",
        },
        "description": {
            "en": (
                "Share experiences and views publicly only when, where and how it is safe, with "
                "partners supporting that choice and never pressing anyone to speak."
            ),
            "fr": (
                "Partager témoignages et points de vue en public seulement quand, où et comme "
                "c'est sans danger, avec le soutien des partenaires et sans jamais pousser "
                "quiconque à parler."
            ),
            "es": (
                "Compartir experiencias y opiniones en público solo cuando, donde y como sea "
                "seguro, con el respaldo de las entidades asociadas y sin presionar nunca a nadie "
                "para que hable."
            ),
        },
    },
    {
        "code": "faith_group.educate_members",
        "sector": "faith_group",
        "source": "004",
        "implied": False,
        "title": {
            "en": "Educate members on responding to survivors and perpetrators",
            "fr": "Sensibiliser les fidèles à la réponse aux survivantes et aux auteurs",
            "es": "Formar a la comunidad de fe para responder a sobrevivientes y agresores",
        },
        "description": {
            "en": (
                "Teach members and leaders what violence against women looks like, how to support "
                "victims/survivors, how to deal with perpetrators and where to refer each of "
                "them."
            ),
            "fr": (
                "Informer les fidèles et les responsables religieux sur les violences faites aux "
                "femmes et sur la manière de réagir face aux victimes/survivantes et aux auteurs, "
                "y compris vers qui orienter chacun."
            ),
            "es": (
                "Formar a los miembros de la comunidad y a sus líderes sobre la violencia contra "
                "las mujeres y cómo responder a las víctimas/sobrevivientes y a los agresores, "
                "incluido adónde derivar en cada caso."
            ),
        },
    },
    {
        "code": "faith_group.religious_interpretation",
        "sector": "faith_group",
        "source": "004",
        "implied": False,
        "title": {
            "en": "Ensure religious teaching neither blames victims nor excuses perpetrators",
            "fr": "Refuser toute lecture religieuse qui blâme les victimes ou excuse les auteurs",
            "es": (
                "Rechazar toda lectura religiosa que culpe a las víctimas o excuse a los agresores"
            ),
        },
        "description": {
            "en": (
                "Make sure that readings of religious texts and teaching never hold "
                "victims/survivors responsible for the abuse or offer perpetrators an excuse."
            ),
            "fr": (
                "Veiller à ce que l'interprétation des textes religieux et l'enseignement ne "
                "rendent jamais les victimes/survivantes responsables des violences et ne servent "
                "jamais d'excuse aux auteurs."
            ),
            "es": (
                "Asegurarse de que la interpretación de los textos religiosos y la enseñanza "
                "nunca responsabilicen a las víctimas/sobrevivientes del maltrato ni sirvan de "
                "excusa a los agresores."
            ),
        },
    },
    {
        "code": "faith_group.perpetrator_accountability",
        "sector": "faith_group",
        "source": "004",
        "implied": False,
        "title": {
            "en": "Agree how to hold perpetrators accountable, including faith leaders",
            "fr": (
                "Convenir de la façon de responsabiliser les auteurs, responsables religieux "
                "compris"
            ),
            "es": (
                "Acordar cómo exigir responsabilidades a los agresores, incluidos los líderes "
                "religiosos"
            ),
        },
        "description": {
            "en": (
                "Set protocols for holding perpetrators in the community to account, with no "
                "exception for religious leaders, and for working with the police and justice "
                "system."
            ),
            "fr": (
                "Établir des protocoles pour amener les auteurs de la communauté à répondre de "
                "leurs actes, sans exception pour les responsables religieux, et pour coopérer "
                "avec la police et la justice."
            ),
            "es": (
                "Establecer protocolos para que los agresores de la comunidad rindan cuentas, sin "
                "excepción para los líderes religiosos, y para colaborar con la policía y la "
                "justicia."
            ),
        },
    },
    {
        "code": "faith_group.dialogue_and_prevention",
        "sector": "faith_group",
        "source": "004",
        "implied": False,
        "title": {
            "en": "Promote dialogue and prevention in the faith community",
            "fr": "Favoriser le dialogue et la prévention au sein de la communauté religieuse",
            "es": "Promover el diálogo y la prevención en la comunidad religiosa",
        },
        "description": {
            "en": (
                "Use worship, gatherings and community activities to open dialogue on violence "
                "against women and to support education, awareness raising and prevention."
            ),
            "fr": (
                "Profiter des célébrations, des rassemblements et des activités communautaires "
                "pour ouvrir le dialogue sur les violences faites aux femmes et soutenir "
                "l'éducation, la sensibilisation et la prévention."
            ),
            "es": (
                "Aprovechar las celebraciones, los encuentros y las actividades comunitarias para "
                "abrir el diálogo sobre la violencia contra las mujeres y apoyar la educación, la "
                "sensibilización y la prevención."
            ),
        },
    },
    {
        "code": "faith_group.referral_to_specialists",
        "sector": "faith_group",
        "source": "004",
        "implied": False,
        "title": {
            "en": "Refer survivors to specialist services",
            "fr": "Orienter les survivantes vers des services spécialisés",
            "es": "Derivar a las sobrevivientes a servicios especializados",
        },
        "description": {
            "en": (
                "Develop referral mechanisms so that faith leaders and members know how to "
                "connect victims/survivors with specialist services rather than handle cases "
                "alone."
            ),
            "fr": (
                "Mettre en place des mécanismes d'orientation pour que responsables et fidèles "
                "sachent mettre les victimes/survivantes en relation avec des services "
                "spécialisés plutôt que de gérer seuls les situations."
            ),
            "es": (
                "Crear mecanismos de derivación para que líderes y miembros sepan poner a las "
                "víctimas/sobrevivientes en contacto con servicios especializados en lugar de "
                "gestionar los casos por su cuenta."
            ),
        },
    },
    {
        "code": "local_government.public_statements",
        "sector": "local_government",
        "source": "004",
        "implied": False,
        "title": {
            "en": "Have political leaders speak out regularly and strongly",
            "fr": (
                "Faire en sorte que les responsables politiques s'expriment régulièrement et "
                "fermement"
            ),
            "es": "Lograr que los cargos políticos se pronuncien con regularidad y firmeza",
        },
        "description": {
            "en": (
                "Ensure mayors, councillors and other leaders state often and unequivocally in "
                "public that violence against women is unacceptable and that the authority is "
                "acting on it."
            ),
            "fr": (
                "Veiller à ce que les maires, les élues et élus et les autres responsables "
                "affirment souvent et sans ambiguïté que les violences faites aux femmes sont "
                "inacceptables et que la collectivité agit."
            ),
            "es": (
                "Asegurar que quienes ocupan alcaldías, concejalías y otros cargos declaren en "
                "público, a menudo y sin ambigüedad, que la violencia contra las mujeres es "
                "inaceptable y que el gobierno local está actuando."
            ),
        },
    },
    {
        "code": "local_government.internal_policies",
        "sector": "local_government",
        "source": "004",
        "implied": False,
        "title": {
            "en": "Adopt and enforce policies against violence in the authority's own operations",
            "fr": (
                "Adopter et faire appliquer une politique interne contre les violences faites aux "
                "femmes"
            ),
            "es": "Adoptar y aplicar políticas internas contra la violencia hacia las mujeres",
        },
        "description": {
            "en": (
                "Create and enforce policies that prohibit violence against women in the local "
                "authority's workplaces and services, with clear ways to report it and real "
                "consequences when it happens."
            ),
            "fr": (
                "Adopter et faire respecter des règles qui interdisent les violences faites aux "
                "femmes dans les lieux de travail et les services de la collectivité, avec des "
                "moyens clairs de signalement et des sanctions effectives."
            ),
            "es": (
                "Crear y hacer cumplir políticas que prohíban la violencia contra las mujeres en "
                "los lugares de trabajo y los servicios del gobierno local, con vías claras de "
                "denuncia y consecuencias efectivas."
            ),
        },
    },
    {
        "code": "local_government.campaign_pledges",
        "sector": "local_government",
        "source": "004",
        "implied": False,
        "title": {
            "en": "Invite people and organisations to pledge support for local campaigns",
            "fr": (
                "Inviter la population et les organisations à s'engager pour les campagnes locales"
            ),
            "es": "Invitar a la población y a las entidades a sumarse a las campañas locales",
        },
        "description": {
            "en": (
                "Give residents, businesses and agencies a way to publicly back local campaigns "
                "to end violence against women, and keep them involved afterwards."
            ),
            "fr": (
                "Offrir à la population, aux entreprises et aux services la possibilité de "
                "soutenir publiquement les campagnes locales contre les violences faites aux "
                "femmes, et les associer ensuite aux actions."
            ),
            "es": (
                "Dar a vecinas y vecinos, empresas y organismos la ocasión de comprometerse "
                "públicamente con las campañas locales contra la violencia hacia las mujeres, y "
                "mantenerlos implicados después."
            ),
        },
    },
    {
        "code": "local_government.staff_education",
        "sector": "local_government",
        "source": "004",
        "implied": False,
        "title": {
            "en": "Train the authority's staff to recognise and respond to violence",
            "fr": "Former le personnel de la collectivité à repérer les violences et à y répondre",
            "es": "Formar al personal del gobierno local para detectar la violencia y responder",
        },
        "description": {
            "en": (
                "Train the authority's staff, especially those in public-facing roles, on all "
                "forms of violence against women and on how to respond to and refer "
                "victims/survivors."
            ),
            "fr": (
                "Former le personnel de la collectivité, en particulier celui en contact avec le "
                "public, à toutes les formes de violences faites aux femmes ainsi qu'à l'accueil "
                "et à l'orientation des victimes/survivantes."
            ),
            "es": (
                "Formar al personal del gobierno local, en especial al que atiende al público, "
                "sobre todas las formas de violencia contra las mujeres y sobre cómo atender y "
                "derivar a las víctimas/sobrevivientes."
            ),
        },
    },
    {
        "code": "local_government.sustainable_funding",
        "sector": "local_government",
        "source": "004",
        "implied": False,
        "title": {
            "en": "Fund specialist support services sustainably",
            "fr": "Financer durablement les services spécialisés",
            "es": "Financiar de forma sostenible los servicios especializados",
        },
        "description": {
            "en": (
                "Provide stable, long-term funding for specialist support services so they can "
                "plan ahead, keep skilled staff and avoid closing when a short-term grant ends."
            ),
            "fr": (
                "Assurer un financement stable et pluriannuel des services de soutien "
                "spécialisés, pour qu'ils puissent se projeter, garder un personnel qualifié et "
                "ne pas fermer à la fin d'une subvention ponctuelle."
            ),
            "es": (
                "Garantizar una financiación estable y plurianual de los servicios de apoyo "
                "especializados, para que puedan planificar, conservar personal cualificado y no "
                "cerrar al terminar una subvención puntual."
            ),
        },
    },
    {
        "code": "local_government.partnership_coordination",
        "sector": "local_government",
        "source": "004",
        "implied": False,
        "title": {
            "en": "Build local partnerships and take part in coordination",
            "fr": "Nouer des partenariats locaux et participer à la coordination",
            "es": "Crear alianzas locales y participar en la coordinación",
        },
        "description": {
            "en": (
                "Develop local partnerships on violence against women and take an active part in "
                "coordinating services, for example by hosting or chairing the coordination "
                "group."
            ),
            "fr": (
                "Développer des partenariats locaux sur les violences faites aux femmes et "
                "prendre une part active à la coordination des services, par exemple en "
                "accueillant ou en présidant l'instance de coordination."
            ),
            "es": (
                "Desarrollar alianzas locales sobre la violencia contra las mujeres y participar "
                "activamente en la coordinación de los servicios, por ejemplo acogiendo o "
                "presidiendo el espacio de coordinación."
            ),
        },
    },
    {
        "code": "local_government.anonymised_data",
        "sector": "local_government",
        "source": "004",
        "implied": False,
        "title": {
            "en": "Share anonymised data on how common violence is and what services exist",
            "fr": (
                "Partager des données anonymisées sur l'ampleur des violences et l'offre de "
                "services"
            ),
            "es": (
                "Compartir datos anonimizados sobre el alcance de la violencia y los servicios "
                "existentes"
            ),
        },
        "description": {
            "en": (
                "Gather and monitor anonymised data on how widespread violence is locally and on "
                "the services provided, and share it with partners to guide planning and funding."
            ),
            "fr": (
                "Recueillir et suivre des données anonymisées sur l'ampleur des violences au "
                "niveau local et sur les services fournis, et les partager avec les partenaires "
                "pour orienter la planification et les financements."
            ),
            "es": (
                "Recopilar y seguir datos anonimizados sobre el alcance de la violencia en el "
                "territorio y los servicios prestados, y compartirlos con las entidades asociadas "
                "para orientar la planificación y la financiación."
            ),
        },
    },
    {
        "code": "local_government.safe_public_spaces",
        "sector": "local_government",
        "source": "004",
        "implied": False,
        "title": {
            "en": "Make public spaces and transport safer for women and girls",
            "fr": (
                "Rendre l'espace public et les transports plus sûrs pour les femmes et les filles"
            ),
            "es": "Hacer más seguros los espacios públicos y el transporte para mujeres y niñas",
        },
        "description": {
            "en": (
                "Improve safety in streets, parks and public transport, for example through "
                "better lighting, safety walks with women and girls, and safer stops and routes."
            ),
            "fr": (
                "Améliorer la sécurité dans les rues, les parcs et les transports publics, par "
                "exemple grâce à un meilleur éclairage, à des marches exploratoires avec des "
                "femmes et des filles et à des arrêts et trajets plus sûrs."
            ),
            "es": (
                "Mejorar la seguridad en calles, parques y transporte público, por ejemplo con "
                "mejor iluminación, recorridos exploratorios con mujeres y niñas, y paradas y "
                "trayectos más seguros."
            ),
        },
    },
    {
        "code": "traditional_authority.public_statements",
        "sector": "traditional_authority",
        "source": "004",
        "implied": False,
        "title": {
            "en": "Speak out publicly against violence against women",
            "fr": "Dénoncer publiquement les violences faites aux femmes",
            "es": "Condenar públicamente la violencia contra las mujeres",
        },
        "description": {
            "en": (
                "State regularly and firmly, at community gatherings and through chiefs and "
                "councils of elders, that violence against women is unacceptable and will not be "
                "tolerated."
            ),
            "fr": (
                "Affirmer régulièrement et fermement, lors des rassemblements communautaires et "
                "par la voix des chefferies et des conseils d'anciens, que les violences faites "
                "aux femmes sont inacceptables et ne seront pas tolérées."
            ),
            "es": (
                "Declarar con regularidad y firmeza, en las reuniones comunitarias y por boca de "
                "las jefaturas y los consejos de ancianos, que la violencia contra las mujeres es "
                "inaceptable y no se tolerará."
            ),
        },
    },
    {
        "code": "traditional_authority.community_pledges",
        "sector": "traditional_authority",
        "source": "004",
        "implied": False,
        "title": {
            "en": "Invite the community to pledge support for local campaigns",
            "fr": "Inviter la communauté à s'engager pour les campagnes locales",
            "es": "Invitar a la comunidad a comprometerse con las campañas locales",
        },
        "description": {
            "en": (
                "Use the authority's standing to invite families, groups and local organisations "
                "to commit publicly to campaigns against violence against women."
            ),
            "fr": (
                "S'appuyer sur son autorité pour inviter les familles, les groupes et les "
                "organisations locales à s'engager publiquement dans les campagnes contre les "
                "violences faites aux femmes."
            ),
            "es": (
                "Aprovechar su autoridad para invitar a familias, grupos y organizaciones locales "
                "a comprometerse públicamente con las campañas contra la violencia hacia las "
                "mujeres."
            ),
        },
    },
    {
        "code": "traditional_authority.educate_council_members",
        "sector": "traditional_authority",
        "source": "004",
        "implied": False,
        "title": {
            "en": "Educate council members and elders on responding to survivors",
            "fr": "Former les membres des conseils traditionnels à la réponse aux survivantes",
            "es": (
                "Formar a quienes integran los consejos tradicionales para atender a sobrevivientes"
            ),
        },
        "description": {
            "en": (
                "Ensure members of traditional councils understand all forms of violence against "
                "women and know how to respond to victims/survivors and refer them to services."
            ),
            "fr": (
                "Veiller à ce que les membres des conseils traditionnels comprennent toutes les "
                "formes de violences faites aux femmes et sachent accueillir les "
                "victimes/survivantes et les orienter vers les services."
            ),
            "es": (
                "Asegurar que quienes integran los consejos tradicionales comprendan todas las "
                "formas de violencia contra las mujeres y sepan atender a las "
                "víctimas/sobrevivientes y derivarlas a los servicios."
            ),
        },
    },
    {
        "code": "traditional_authority.join_coordination",
        "sector": "traditional_authority",
        "source": "004",
        "implied": False,
        "title": {
            "en": "Join local coordination and refer cases to formal services",
            "fr": "Participer à la coordination locale et orienter vers les services formels",
            "es": "Sumarse a la coordinación local y derivar los casos a los servicios formales",
        },
        "description": {
            "en": (
                "Take part in local coordination on violence against women and refer "
                "victims/survivors to specialist and justice services, rather than settling cases "
                "through informal mediation."
            ),
            "fr": (
                "Participer à la coordination locale sur les violences faites aux femmes et "
                "orienter les victimes/survivantes vers les services spécialisés et la justice, "
                "plutôt que de régler les affaires par une médiation informelle."
            ),
            "es": (
                "Participar en la coordinación local sobre la violencia contra las mujeres y "
                "derivar a las víctimas/sobrevivientes a los servicios especializados y a la "
                "justicia, en lugar de resolver los casos mediante mediación informal."
            ),
        },
    },
    {
        "code": "perpetrator_programme.speak_out",
        "sector": "perpetrator_programme",
        "source": "004",
        "implied": False,
        "title": {
            "en": "Speak out against violence against women",
            "fr": "Dénoncer publiquement les violences faites aux femmes",
            "es": "Pronunciarse contra la violencia hacia las mujeres",
        },
        "description": {
            "en": (
                "Take a public stand against violence against women, as a programme and through "
                "its staff, keeping the message on perpetrators' accountability and women's "
                "safety."
            ),
            "fr": (
                "Prendre publiquement position contre les violences faites aux femmes, en tant "
                "que programme et par la voix de son équipe, en mettant l'accent sur la "
                "responsabilité des auteurs et la sécurité des femmes."
            ),
            "es": (
                "Posicionarse públicamente contra la violencia hacia las mujeres, como programa y "
                "a través de su equipo, centrando el mensaje en la responsabilidad de los "
                "agresores y la seguridad de las mujeres."
            ),
        },
    },
    {
        "code": "perpetrator_programme.challenge_masculinities",
        "sector": "perpetrator_programme",
        "source": "004",
        "implied": False,
        "title": {
            "en": "Challenge ideas of masculinity that promote or tolerate violence",
            "fr": (
                "Remettre en cause les modèles de masculinité qui encouragent ou tolèrent la "
                "violence"
            ),
            "es": "Cuestionar los modelos de masculinidad que promueven o toleran la violencia",
        },
        "description": {
            "en": (
                "Work with men to question ideas of what it means to be a man that encourage, "
                "excuse or tolerate violence against women, and to replace them with respectful "
                "ones."
            ),
            "fr": (
                "Amener les hommes à questionner les représentations de la virilité qui "
                "encouragent, excusent ou tolèrent les violences faites aux femmes, et à les "
                "remplacer par des modèles fondés sur le respect."
            ),
            "es": (
                "Ayudar a los hombres a cuestionar las ideas sobre lo que significa ser hombre "
                "que fomentan, excusan o toleran la violencia contra las mujeres, y a "
                "sustituirlas por modelos basados en el respeto."
            ),
        },
    },
    {
        "code": "perpetrator_programme.gender_discussion",
        "sector": "perpetrator_programme",
        "source": "004",
        "implied": False,
        "title": {
            "en": "Open discussion of gender roles, power and equality",
            "fr": "Ouvrir la discussion sur les rôles de genre, le pouvoir et l'égalité",
            "es": "Abrir el debate sobre roles de género, poder e igualdad",
        },
        "description": {
            "en": (
                "Run discussions on gender roles and stereotypes, power and control in "
                "relationships, equality, and attitudes that excuse violence against women."
            ),
            "fr": (
                "Animer des échanges sur les rôles et stéréotypes de genre, le pouvoir et le "
                "contrôle dans le couple, l'égalité et les attitudes qui excusent les violences "
                "faites aux femmes."
            ),
            "es": (
                "Promover debates sobre los roles y estereotipos de género, el poder y el control "
                "en la pareja, la igualdad y las actitudes que justifican la violencia contra las "
                "mujeres."
            ),
        },
    },
    {
        "code": "justice.consistent_prosecution",
        "sector": "justice",
        "source": "000",
        "implied": True,
        "title": {
            "en": "Prosecute violence against women consistently",
            "fr": "Poursuivre les violences faites aux femmes de manière cohérente",
            "es": "Perseguir la violencia contra las mujeres de forma coherente",
        },
        "description": {
            "en": (
                "Apply clear charging and prosecution policies so cases proceed on the evidence "
                "instead of being dropped routinely when a victim/survivor is afraid to testify, "
                "and keep her informed at each stage."
            ),
            "fr": (
                "Appliquer des politiques pénales claires pour que les affaires soient "
                "poursuivies sur la base des preuves, sans classement systématique quand la "
                "victime/survivante craint de témoigner, et la tenir informée à chaque étape."
            ),
            "es": (
                "Aplicar criterios claros de acusación para que los casos avancen según las "
                "pruebas y no se archiven sin más cuando la víctima/sobreviviente teme declarar, "
                "y mantenerla informada en cada etapa."
            ),
        },
    },
    {
        "code": "justice.swift_protection_orders",
        "sector": "justice",
        "source": "000",
        "implied": True,
        "title": {
            "en": "Process protection orders swiftly",
            "fr": "Traiter rapidement les ordonnances de protection",
            "es": "Tramitar con rapidez las órdenes de protección",
        },
        "description": {
            "en": (
                "Hear and decide applications for protection orders quickly, with an urgent route "
                "outside office hours, and pass orders to the police at once so they can be "
                "enforced."
            ),
            "fr": (
                "Examiner et trancher rapidement les demandes d'ordonnance de protection, avec "
                "une procédure d'urgence hors des heures de bureau, et transmettre aussitôt les "
                "ordonnances à la police pour qu'elles soient appliquées."
            ),
            "es": (
                "Estudiar y resolver con rapidez las solicitudes de órdenes de protección, con un "
                "cauce urgente fuera del horario de oficina, y comunicar de inmediato las órdenes "
                "a la policía para que se hagan cumplir."
            ),
        },
    },
    {
        "code": "justice.court_support",
        "sector": "justice",
        "source": "003",
        "implied": True,
        "title": {
            "en": "Offer court support and victim-friendly procedures",
            "fr": "Offrir un accompagnement au tribunal et des procédures adaptées aux victimes",
            "es": "Ofrecer acompañamiento judicial y procedimientos adaptados a las víctimas",
        },
        "description": {
            "en": (
                "Provide court support workers, separate waiting areas and measures such as "
                "screens or video links, so victims/survivors can give evidence without facing "
                "the perpetrator."
            ),
            "fr": (
                "Prévoir un accompagnement au tribunal, des salles d'attente séparées et des "
                "mesures comme les paravents ou la visioconférence, pour que les "
                "victimes/survivantes puissent témoigner sans faire face à l'auteur."
            ),
            "es": (
                "Ofrecer acompañamiento en los juzgados, salas de espera separadas y medidas como "
                "biombos o videoconferencia, para que las víctimas/sobrevivientes puedan declarar "
                "sin enfrentarse al agresor."
            ),
        },
    },
    {
        "code": "justice.probation_supervision",
        "sector": "justice",
        "source": "000",
        "implied": True,
        "title": {
            "en": "Supervise perpetrators on probation, including programme attendance",
            "fr": "Suivre les auteurs en probation, y compris leur participation à un programme",
            "es": "Supervisar a los agresores condenados, incluida su asistencia a programas",
        },
        "description": {
            "en": (
                "Make attendance at a recognised perpetrator programme part of probation "
                "supervision, check it, and act promptly on non-compliance or any new risk to the "
                "victim/survivor."
            ),
            "fr": (
                "Inclure dans le suivi probatoire la participation à un programme reconnu pour "
                "auteurs, la vérifier et réagir sans délai en cas de manquement ou de nouveau "
                "risque pour la victime/survivante."
            ),
            "es": (
                "Incluir en la supervisión de las penas en la comunidad la asistencia a un "
                "programa reconocido para agresores, verificarla y actuar sin demora ante un "
                "incumplimiento o cualquier nuevo riesgo para la víctima/sobreviviente."
            ),
        },
    },
    {
        "code": "justice.case_outcome_data",
        "sector": "justice",
        "source": "001",
        "implied": True,
        "title": {
            "en": "Share aggregate data on case outcomes",
            "fr": "Partager des données agrégées sur l'issue des affaires",
            "es": "Compartir datos agregados sobre el resultado de los casos",
        },
        "description": {
            "en": (
                "Compile figures on charges, prosecutions, convictions, sentences and protection "
                "orders, and share them with partners in aggregate form to see where cases drop "
                "out."
            ),
            "fr": (
                "Compiler les chiffres des mises en cause, poursuites, condamnations, peines et "
                "ordonnances de protection, et les partager sous forme agrégée avec les "
                "partenaires pour voir où les affaires s'arrêtent."
            ),
            "es": (
                "Reunir las cifras de acusaciones, procesos, condenas, penas y órdenes de "
                "protección, y compartirlas de forma agregada con las entidades asociadas para "
                "ver en qué punto se caen los casos."
            ),
        },
    },
    {
        "code": "education.prevention_curricula",
        "sector": "education",
        "source": "002",
        "implied": True,
        "title": {
            "en": "Teach violence prevention in schools",
            "fr": "Enseigner la prévention des violences à l'école",
            "es": "Enseñar prevención de la violencia en la escuela",
        },
        "description": {
            "en": (
                "Include respectful relationships, consent, gender equality and non-violence in "
                "the curriculum at every age, developing the content with specialist "
                "organisations."
            ),
            "fr": (
                "Intégrer les relations respectueuses, le consentement, l'égalité entre les "
                "filles et les garçons et la non-violence dans les programmes à tous les âges, en "
                "élaborant les contenus avec des organisations spécialisées."
            ),
            "es": (
                "Incluir las relaciones respetuosas, el consentimiento, la igualdad de género y "
                "la no violencia en el currículo de todas las edades, elaborando los contenidos "
                "con organizaciones especializadas."
            ),
        },
    },
    {
        "code": "education.staff_recognise_and_refer",
        "sector": "education",
        "source": "003",
        "implied": True,
        "title": {
            "en": "Train school staff to recognise violence and refer",
            "fr": "Former le personnel scolaire à repérer les violences et à orienter",
            "es": "Formar al personal educativo para detectar la violencia y derivar",
        },
        "description": {
            "en": (
                "Train teachers and other staff to spot signs that a student is affected by "
                "violence at home or in their own relationships, respond safely and refer through "
                "the agreed local routes."
            ),
            "fr": (
                "Former le personnel enseignant et les autres équipes à repérer les signes qu'une "
                "ou un élève subit des violences, à la maison ou dans ses relations, à réagir "
                "sans danger et à orienter par les circuits locaux convenus."
            ),
            "es": (
                "Formar al profesorado y demás personal para detectar señales de que una alumna o "
                "un alumno sufre violencia, en casa o en sus relaciones, responder de forma "
                "segura y derivar por las rutas locales acordadas."
            ),
        },
    },
    {
        "code": "media.responsible_reporting",
        "sector": "media",
        "source": "003",
        "implied": True,
        "title": {
            "en": "Follow responsible reporting guidelines",
            "fr": "Suivre des lignes directrices pour un traitement médiatique responsable",
            "es": "Seguir pautas para una cobertura responsable",
        },
        "description": {
            "en": (
                "Adopt guidelines for covering violence against women that avoid blaming "
                "victims/survivors, protect their identity, name the violence as a crime and tell "
                "audiences where to find help."
            ),
            "fr": (
                "Adopter des lignes directrices pour traiter des violences faites aux femmes sans "
                "blâmer les victimes/survivantes, en protégeant leur identité, en nommant les "
                "violences comme des infractions et en indiquant où trouver de l'aide."
            ),
            "es": (
                "Adoptar pautas para informar sobre la violencia contra las mujeres sin culpar a "
                "las víctimas/sobrevivientes, protegiendo su identidad, nombrando la violencia "
                "como delito e indicando dónde pedir ayuda."
            ),
        },
    },
    {
        "code": "media.awareness_campaigns",
        "sector": "media",
        "source": "002",
        "implied": True,
        "title": {
            "en": "Run awareness campaigns with partners",
            "fr": "Mener des campagnes de sensibilisation avec les partenaires",
            "es": "Impulsar campañas de sensibilización con las entidades asociadas",
        },
        "description": {
            "en": (
                "Work with partners on campaigns that explain women's rights, challenge harmful "
                "attitudes and point audiences to helplines and local services."
            ),
            "fr": (
                "Concevoir avec les partenaires des campagnes qui font connaître les droits des "
                "femmes, remettent en cause les attitudes néfastes et indiquent les lignes "
                "d'écoute et les services locaux."
            ),
            "es": (
                "Diseñar con las entidades asociadas campañas que den a conocer los derechos de "
                "las mujeres, cuestionen las actitudes dañinas y orienten al público hacia las "
                "líneas de ayuda y los servicios locales."
            ),
        },
    },
    {
        "code": "child_protection.joint_protocols",
        "sector": "child_protection",
        "source": "000",
        "implied": True,
        "title": {
            "en": "Agree joint protocols with violence against women services",
            "fr": "Établir des protocoles communs avec les services d'aide aux femmes victimes",
            "es": "Acordar protocolos conjuntos con los servicios para mujeres víctimas",
        },
        "description": {
            "en": (
                "Set out with specialist services how cases where both a mother and her children "
                "are at risk are assessed and handled, so that protecting children also means "
                "supporting the non-abusing parent's safety."
            ),
            "fr": (
                "Définir avec les services spécialisés comment évaluer et traiter les situations "
                "où la mère et les enfants sont en danger, pour que protéger les enfants passe "
                "aussi par la sécurité du parent non violent."
            ),
            "es": (
                "Definir con los servicios especializados cómo valorar y gestionar los casos en "
                "que la madre y sus hijas e hijos corren peligro, de modo que proteger a la "
                "infancia incluya apoyar también la seguridad de la madre."
            ),
        },
    },
    {
        "code": "child_protection.violence_against_mothers",
        "sector": "child_protection",
        "source": "000",
        "implied": True,
        "title": {
            "en": "Recognise violence against mothers as a risk to children",
            "fr": "Traiter les violences subies par la mère comme un danger pour l'enfant",
            "es": "Tratar la violencia contra la madre como un riesgo para la infancia",
        },
        "description": {
            "en": (
                "Train staff to treat violence against a mother as a risk to her children, to "
                "hold the perpetrator responsible for that risk, and not to blame her for failing "
                "to protect them."
            ),
            "fr": (
                "Former le personnel à considérer les violences contre une mère comme un danger "
                "pour ses enfants, à en tenir l'auteur pour responsable et à ne pas reprocher à "
                "la mère de ne pas les avoir protégés."
            ),
            "es": (
                "Formar al personal para considerar la violencia contra una madre como un riesgo "
                "para sus hijas e hijos, responsabilizar de ese riesgo al agresor y no culpar a "
                "la madre por no haberlos protegido."
            ),
        },
    },
    {
        "code": "housing.priority_rehousing",
        "sector": "housing",
        "source": "000",
        "implied": True,
        "title": {
            "en": "Give survivors priority for rehousing",
            "fr": "Donner la priorité aux survivantes pour le relogement",
            "es": "Dar prioridad a las sobrevivientes en el acceso a vivienda",
        },
        "description": {
            "en": (
                "Treat women who must leave home because of violence as a priority for rehousing, "
                "and accept evidence of the violence from partner agencies without requiring a "
                "police report."
            ),
            "fr": (
                "Considérer comme prioritaires pour un relogement les femmes contraintes de "
                "quitter leur domicile à cause des violences, et accepter les attestations des "
                "services partenaires sans exiger de plainte."
            ),
            "es": (
                "Considerar prioritarias para el acceso a una vivienda a las mujeres que deben "
                "dejar su hogar por la violencia, y aceptar la acreditación de las entidades "
                "asociadas sin exigir denuncia policial."
            ),
        },
    },
    {
        "code": "housing.safe_housing_options",
        "sector": "housing",
        "source": "003",
        "implied": True,
        "title": {
            "en": "Offer a range of safe housing options",
            "fr": "Proposer un éventail de solutions de logement sûres",
            "es": "Ofrecer distintas opciones de vivienda segura",
        },
        "description": {
            "en": (
                "Work with shelters and non-profit housing providers on options from emergency "
                "accommodation to staying safely at home, such as changing locks or transferring "
                "a tenancy."
            ),
            "fr": (
                "Travailler avec les centres d'hébergement et les bailleurs sociaux sur des "
                "solutions allant de l'hébergement d'urgence au maintien en sécurité dans le "
                "logement, comme le changement des serrures ou le transfert du bail."
            ),
            "es": (
                "Trabajar con los refugios y las entidades de vivienda social en opciones que van "
                "desde el alojamiento de emergencia hasta permanecer segura en casa, como cambiar "
                "las cerraduras o traspasar el contrato de alquiler."
            ),
        },
    },
    {
        "code": "research.evaluate_response",
        "sector": "research",
        "source": "000",
        "implied": True,
        "title": {
            "en": "Evaluate the coordinated response",
            "fr": "Évaluer la réponse coordonnée",
            "es": "Evaluar la respuesta coordinada",
        },
        "description": {
            "en": (
                "Design and carry out evaluations with partners, using methods that include the "
                "views of victims/survivors, and report findings in plain language the "
                "partnership can act on."
            ),
            "fr": (
                "Concevoir et mener des évaluations avec les partenaires, selon des méthodes qui "
                "intègrent le point de vue des victimes/survivantes, et présenter les résultats "
                "dans un langage clair sur lequel le partenariat peut agir."
            ),
            "es": (
                "Diseñar y llevar a cabo evaluaciones con las entidades asociadas, con métodos "
                "que recojan la opinión de las víctimas/sobrevivientes, y presentar los "
                "resultados en un lenguaje claro que permita actuar."
            ),
        },
    },
    {
        "code": "research.anonymised_data_analysis",
        "sector": "research",
        "source": "003",
        "implied": True,
        "title": {
            "en": "Analyse partners' anonymised data",
            "fr": "Analyser les données anonymisées des partenaires",
            "es": "Analizar los datos anonimizados de las entidades asociadas",
        },
        "description": {
            "en": (
                "Bring together anonymised and aggregate data from partners, analyse trends and "
                "gaps, and follow the ethical and safety standards for research on violence "
                "against women."
            ),
            "fr": (
                "Rassembler les données anonymisées et agrégées des partenaires, analyser "
                "tendances et lacunes, et respecter les règles d'éthique et de sécurité propres à "
                "la recherche sur les violences faites aux femmes."
            ),
            "es": (
                "Reunir los datos anonimizados y agregados de las entidades asociadas, analizar "
                "tendencias y carencias, y respetar las normas éticas y de seguridad propias de "
                "la investigación sobre violencia contra las mujeres."
            ),
        },
    },
    {
        "code": "youth_services.prevention_with_young_people",
        "sector": "youth_services",
        "source": "002",
        "implied": True,
        "title": {
            "en": "Run prevention work with young people",
            "fr": "Mener des actions de prévention auprès des jeunes",
            "es": "Realizar acciones de prevención con jóvenes",
        },
        "description": {
            "en": (
                "Work with girls and boys on respectful relationships, consent and gender "
                "equality through youth clubs and activities, and know where to refer a young "
                "person who discloses violence."
            ),
            "fr": (
                "Aborder avec les filles et les garçons les relations respectueuses, le "
                "consentement et l'égalité dans les activités jeunesse, et savoir vers qui "
                "orienter une ou un jeune qui révèle des violences."
            ),
            "es": (
                "Trabajar con chicas y chicos las relaciones respetuosas, el consentimiento y la "
                "igualdad de género en los espacios y actividades juveniles, y saber adónde "
                "derivar a quien revele una situación de violencia."
            ),
        },
    },
    {
        "code": "urban_planning.safe_design",
        "sector": "urban_planning",
        "source": "003",
        "implied": True,
        "title": {
            "en": "Design public spaces with women's safety in mind",
            "fr": "Concevoir l'espace public en tenant compte de la sécurité des femmes",
            "es": "Diseñar el espacio público pensando en la seguridad de las mujeres",
        },
        "description": {
            "en": (
                "Involve women and girls in safety audits of neighbourhoods and build their "
                "findings into the design of streets, parks, lighting and transport."
            ),
            "fr": (
                "Associer les femmes et les filles à des diagnostics de sécurité des quartiers et "
                "intégrer leurs constats dans l'aménagement des rues, des parcs, de l'éclairage "
                "et des transports."
            ),
            "es": (
                "Implicar a mujeres y niñas en auditorías de seguridad de los barrios e "
                "incorporar sus conclusiones al diseño de calles, parques, iluminación y "
                "transporte."
            ),
        },
    },
]
