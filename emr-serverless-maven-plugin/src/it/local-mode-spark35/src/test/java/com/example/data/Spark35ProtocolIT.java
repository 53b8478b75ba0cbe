package com.example.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.apache.spark.connect.proto.AnalyzePlanRequest;
import org.apache.spark.connect.proto.ExecutePlanRequest;
import org.apache.spark.connect.proto.ExecutePlanResponse;
import org.apache.spark.connect.proto.Plan;
import org.apache.spark.connect.proto.Relation;
import org.apache.spark.connect.proto.SQL;
import org.apache.spark.connect.proto.SparkConnectServiceGrpc;
import org.apache.spark.connect.proto.UserContext;
import org.junit.jupiter.api.Test;
import org.sparkproject.connect.grpc.ManagedChannel;
import org.sparkproject.connect.grpc.Metadata;
import org.sparkproject.connect.grpc.netty.NettyChannelBuilder;
import org.sparkproject.connect.grpc.stub.MetadataUtils;

/** A Spark 3.5.7 Spark Connect client, at the protocol: the session the build handed over, its token, a query. */
class Spark35ProtocolIT {

    @Test
    void theLocalServerOfSpark35AnswersASpark35Client() throws Exception {
        URI endpoint =
                URI.create(System.getProperty("emr-serverless.sessionEndpoint").replace("sc://", "http://"));
        String token = Files.readString(Path.of(System.getProperty("emr-serverless.sessionTokenFile")))
                .trim();
        Metadata headers = new Metadata();
        headers.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + token);
        ManagedChannel channel = NettyChannelBuilder.forAddress(endpoint.getHost(), endpoint.getPort())
                .usePlaintext()
                .intercept(MetadataUtils.newAttachHeadersInterceptor(headers))
                .build();
        try {
            SparkConnectServiceGrpc.SparkConnectServiceBlockingStub spark =
                    SparkConnectServiceGrpc.newBlockingStub(channel);
            String session = UUID.randomUUID().toString();
            UserContext user = UserContext.newBuilder().setUserId("it").build();

            String version = spark.analyzePlan(AnalyzePlanRequest.newBuilder()
                            .setSessionId(session)
                            .setUserContext(user)
                            .setSparkVersion(AnalyzePlanRequest.SparkVersion.newBuilder())
                            .build())
                    .getSparkVersion()
                    .getVersion();

            Plan plan = Plan.newBuilder()
                    .setRoot(Relation.newBuilder().setSql(SQL.newBuilder().setQuery("SELECT sum(id) FROM range(1000)")))
                    .build();
            Iterator<ExecutePlanResponse> responses = spark.executePlan(ExecutePlanRequest.newBuilder()
                    .setSessionId(session)
                    .setUserContext(user)
                    .setPlan(plan)
                    .build());
            long sum = -1;
            while (responses.hasNext()) {
                ExecutePlanResponse response = responses.next();
                if (response.hasArrowBatch() && response.getArrowBatch().getRowCount() > 0) {
                    sum = firstLong(response.getArrowBatch().getData().toByteArray());
                }
            }
            System.out.println(
                    "Server Spark " + version + ", a 3.5.7 protocol client: sum(id) of range(1000) = " + sum);
            assertEquals("3.5.7", version);
            assertEquals(499500L, sum);
        } finally {
            channel.shutdownNow().awaitTermination(10, TimeUnit.SECONDS);
        }
    }

    private static long firstLong(byte[] arrowStream) throws Exception {
        try (RootAllocator allocator = new RootAllocator();
                ArrowStreamReader reader = new ArrowStreamReader(new ByteArrayInputStream(arrowStream), allocator)) {
            reader.loadNextBatch();
            return ((BigIntVector) reader.getVectorSchemaRoot().getVector(0)).get(0);
        }
    }
}
