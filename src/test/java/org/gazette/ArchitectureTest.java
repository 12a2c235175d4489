package org.gazette;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layers of the code, checked on its classes: the command line parses and hands a session to a
 * job; jobs are the top of the Spark code; its packages form no cycle; the text, names, topic and
 * trend kernels know nothing of Spark.
 */
class ArchitectureTest {

  private static JavaClasses classes;

  @BeforeAll
  static void load() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.gazette");
  }

  @Test
  void theCommandLineUsesSparkOnlyThroughTheSessionFactory() {
    noClasses()
        .that()
        .resideInAPackage("org.gazette.cli..")
        .should()
        .dependOnClassesThat(
            resideInAPackage("org.apache.spark..").and(not(equivalentTo(SparkSession.class))))
        .because(
            "cli/ parses, gets a SparkSession from one factory and hands it to a job in"
                + " org.gazette.spark.job")
        .check(classes);
  }

  @Test
  void onlyTheCommandLineDependsOnTheJobs() {
    noClasses()
        .that()
        .resideOutsideOfPackages("org.gazette.spark.job..", "org.gazette.cli..")
        .and()
        .doNotHaveFullyQualifiedName(Gazette.class.getName())
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.gazette.spark.job..")
        .because("jobs are the top of the Spark code: tables, stores and the pass serve them")
        .check(classes);
  }

  @Test
  void theSparkPackagesFormNoCycle() {
    slices().matching("org.gazette.spark.(*)..").should().beFreeOfCycles().check(classes);
    noClasses()
        .that()
        .resideInAPackage("org.gazette.spark")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.gazette.spark.*..")
        .because("the root of spark/ (the session factory, dates, log helpers) sits below all")
        .check(classes);
  }

  @Test
  void theKernelsKnowNothingOfSpark() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "org.gazette.text..",
            "org.gazette.ner..",
            "org.gazette.topic..",
            "org.gazette.entity..",
            "org.gazette.trend..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.apache.spark..", "org.gazette.spark..", "org.gazette.cli..")
        .because("text code is plain Java, tested without a SparkSession")
        .check(classes);
  }
}
