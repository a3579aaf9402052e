# The image Spark on Kubernetes runs hhsweep's driver and executors in: Apache Spark's official
# image (Spark 4.2, Scala 2.13, Java 17) with the application jar, the shipped configs and the S3A
# connector added. How to build it and submit with it: docs/deploy.md#kubernetes.
#
#   mvn -B -DskipTests -pl spark-jobs -am package    # spark-jobs/target/spark-jobs-<version>-app.jar
#   docker build -t REGISTRY/hhsweep:0.1.0 .
#   docker push REGISTRY/hhsweep:0.1.0
#
# Never built on the project's machine, which has no container engine: see docs/deploy.md, "What
# was run here and what was not".

# Spark 4.2.x for Scala 2.13, what the application jar is compiled against (root pom:
# spark.version), on Java 17: the plain tags (apache/spark:4.1.2, 4.2.0-preview5) are Java 21 since
# Spark 4.1. The tag follows the naming of 4.1.x's and 4.2.0-preview5's images (apache/spark-docker's
# versions.json); check that 4.2.0's exists under it.
ARG SPARK_IMAGE=apache/spark:4.2.0-scala2.13-java17-ubuntu

# s3a:// outputs: Hadoop's S3A connector at the version of the image's Hadoop client (3.5.0 in
# Spark 4.2.0) and what it needs at run time, at the versions hadoop-aws 3.5.0's pom names: the AWS
# SDK v2 bundle (686 MB) and the analytics accelerator. Maven fetches them (checksums checked,
# -C) in a stage of their own; they go into Spark's jars/, on the class path of every driver and
# executor. --build-arg S3A=false leaves them out (outputs on HDFS or a shared volume).
FROM maven:3.9-eclipse-temurin-17 AS s3a
ARG S3A=true
RUN set -eu; mkdir -p /s3a; \
    if [ "$S3A" = true ]; then \
      for artifact in org.apache.hadoop:hadoop-aws:3.5.0 \
                      software.amazon.awssdk:bundle:2.35.4 \
                      software.amazon.s3.analyticsaccelerator:analyticsaccelerator-s3:1.3.1; do \
        mvn -B -q -C org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy \
            -Dartifact="$artifact" -DoutputDirectory=/s3a; \
      done; \
    fi

FROM ${SPARK_IMAGE}
COPY --from=s3a /s3a/ /opt/spark/jars/

# The application jar (sim-core and its libraries shaded in; Spark, Hadoop and Parquet left out,
# which /opt/spark/jars holds) under one fixed name, for local:///opt/hhsweep/hhsweep-app.jar, and
# the configs (the driver reads a config from its own file system).
COPY spark-jobs/target/spark-jobs-*-app.jar /opt/hhsweep/hhsweep-app.jar
COPY conf/ /opt/hhsweep/conf/

# Nothing for the JVM options: Spark 4.2 gives every driver and executor it starts its module
# options (JavaModuleOptions, which include --add-modules=jdk.incubator.vector, the SIMD kernels'
# module, and the --add-opens of the root pom's spark.jvm.opens); submit.sh passes the module too.
